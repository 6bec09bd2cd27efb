import CLibXML2

/// libxml2's SAX handlers that build an `XMLTree` in place of libxml2's own tree. Each finds its
/// `XMLTreeBuilder` in the parser context's private pointer, and takes the line the parser stands
/// on, as libxml2's tree builder does.
///
/// libxml2 parses an internal entity's value, the first time the entity is referenced, in a
/// context of its own and with these same handlers. Those events go to libxml2's own tree
/// builder (`xmlSAX2…`), as they would without these handlers: it keeps the value on the entity,
/// out of the document, and a value kept there is not parsed again at the next reference (a
/// value left unbuilt was, at every one: ten thousand references cost seconds).
enum XMLEvents {
    /// Points the handler's element, text, comment, reference and instruction events at the
    /// builder; the rest (the document, the DTD's declarations, errors) stay with libxml2.
    static func route(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startElementNs = { context, localName, prefix, namespace, namespaceCount, namespaces, attributeCount,
                                       defaultedCount, attributes in
            let delivered = XMLEvents.deliver(context) { builder, line in
                guard let localName else { return }
                builder.startElement(localName, namespace: namespace, line: line)
            }
            if !delivered {
                xmlSAX2StartElementNs(context, localName, prefix, namespace, namespaceCount, namespaces, attributeCount,
                                      defaultedCount, attributes)
            }
        }
        sax.pointee.endElementNs = { context, localName, prefix, namespace in
            if !XMLEvents.deliver(context, { builder, _ in builder.endElement() }) {
                xmlSAX2EndElementNs(context, localName, prefix, namespace)
            }
        }
        let characters: charactersSAXFunc = { context, text, length in
            // An empty run (an empty CDATA section) is a text node too in libxml2's tree, and the
            // text after it joins it.
            let delivered = XMLEvents.deliver(context) { builder, line in
                guard let text, length >= 0 else { return }
                builder.characters(text, length: Int(length), line: line)
            }
            if !delivered { xmlSAX2Characters(context, text, length) }
        }
        // Blanks between elements are text too, as in libxml2's tree; CDATA comes as text
        // (`XML_PARSE_NOCDATA`, and here too, should that option go).
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.cdataBlock = characters
        sax.pointee.comment = { context, text in
            let delivered = XMLEvents.deliver(context) { builder, line in
                guard let text else { return }
                builder.comment(text, line: line)
            }
            if !delivered { xmlSAX2Comment(context, text) }
        }
        sax.pointee.reference = { context, name in
            if !XMLEvents.deliver(context, { builder, line in builder.other(line: line) }) { xmlSAX2Reference(context, name) }
        }
        sax.pointee.processingInstruction = { context, target, data in
            if !XMLEvents.deliver(context, { builder, line in builder.other(line: line) }) {
                xmlSAX2ProcessingInstruction(context, target, data)
            }
        }
    }

    /// Points the handler's structured errors at the collector of the builder the parser
    /// context's private pointer holds: every message kept out of stderr, with its position.
    static func collectErrors(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.serror = { userData, error in
            guard let userData, let error else { return }
            // From any context: an entity's value parsed in one of its own reports its errors here.
            XMLEvents.builder(of: userData)?.errors.record(error.pointee)
        }
    }

    /// Hands an event to the builder of the context it comes from, with the parser's line; false
    /// for an event of another context (see above), which the caller hands to libxml2. The
    /// builder is borrowed, not retained: the reader holds it for the whole parse.
    @inline(__always)
    private static func deliver(_ context: UnsafeMutableRawPointer?, _ event: (XMLTreeBuilder, Int32) -> Void) -> Bool {
        guard let context else { return false }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let pointer = parser.pointee._private else { return false }
        return Unmanaged<XMLTreeBuilder>.fromOpaque(pointer)._withUnsafeGuaranteedRef { builder in
            guard builder.context == parser else { return false }
            event(builder, parser.pointee.input?.pointee.line ?? 0)
            return true
        }
    }

    /// The builder a parser context's private pointer holds, whichever context it is (an
    /// entity's value parsed in a context of its own shares its private pointer).
    static func builder(of context: UnsafeMutableRawPointer) -> XMLTreeBuilder? {
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        return parser.pointee._private.map { Unmanaged<XMLTreeBuilder>.fromOpaque($0).takeUnretainedValue() }
    }
}
