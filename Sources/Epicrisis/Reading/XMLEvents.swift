import CLibXML2

/// libxml2's SAX handlers that build an `XMLTree` in place of libxml2's own tree. Each finds its
/// `XMLTreeBuilder` in the parser context's private pointer, and takes the line the parser stands
/// on, as libxml2's tree builder does.
enum XMLEvents {
    /// Points the handler's element, text, comment, reference and instruction events at the
    /// builder; the rest (the document, the DTD's declarations, errors) stay with libxml2.
    static func route(_ sax: UnsafeMutablePointer<xmlSAXHandler>) {
        sax.pointee.startElementNs = { context, localName, _, namespace, _, _, _, _, _ in
            guard let localName else { return }
            XMLEvents.deliver(context) { $0.startElement(localName, namespace: namespace, line: $1) }
        }
        sax.pointee.endElementNs = { context, _, _, _ in
            XMLEvents.deliver(context) { builder, _ in builder.endElement() }
        }
        let characters: charactersSAXFunc = { context, text, length in
            guard let text, length > 0 else { return }
            XMLEvents.deliver(context) { $0.characters(text, length: Int(length), line: $1) }
        }
        // Blanks between elements are text too, as in libxml2's tree; CDATA comes as text
        // (`XML_PARSE_NOCDATA`).
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.comment = { context, text in
            guard let text else { return }
            XMLEvents.deliver(context) { $0.comment(text, line: $1) }
        }
        sax.pointee.reference = { context, _ in
            XMLEvents.deliver(context) { $0.other(line: $1) }
        }
        sax.pointee.processingInstruction = { context, _, _ in
            XMLEvents.deliver(context) { $0.other(line: $1) }
        }
    }

    /// Hands an event to the builder of the context it comes from, with the parser's line;
    /// drops events of another context (an entity's value: see `XMLTreeBuilder.context`). The
    /// builder is borrowed, not retained: the reader holds it for the whole parse.
    @inline(__always)
    private static func deliver(_ context: UnsafeMutableRawPointer?, _ event: (XMLTreeBuilder, Int32) -> Void) {
        guard let context else { return }
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let pointer = parser.pointee._private else { return }
        Unmanaged<XMLTreeBuilder>.fromOpaque(pointer)._withUnsafeGuaranteedRef { builder in
            if builder.context == parser { event(builder, parser.pointee.input?.pointee.line ?? 0) }
        }
    }

    /// The builder a parser context's private pointer holds, if the context is the builder's own
    /// (or `anyContext`).
    static func builder(_ context: UnsafeMutableRawPointer, anyContext: Bool) -> XMLTreeBuilder? {
        let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let pointer = parser.pointee._private else { return nil }
        let builder = Unmanaged<XMLTreeBuilder>.fromOpaque(pointer).takeUnretainedValue()
        return anyContext || builder.context == parser ? builder : nil
    }
}
