import CLibXML2

/// A read-only view of a libxml2 element, valid only while its document lives.
///
/// It never leaves `OIOXMLReader`: the reader copies what it needs into Swift values and frees
/// the document before returning.
struct XMLElement {
    let node: xmlNodePtr

    /// The element's name without its namespace prefix: MedCom's namespaces change by version,
    /// the local names do not.
    var localName: String {
        node.pointee.name.map { String(cString: $0) } ?? ""
    }

    var namespace: String? {
        node.pointee.ns?.pointee.href.map { String(cString: $0) }
    }

    var line: Int { Int(xmlGetLineNo(node)) }

    var children: [XMLElement] {
        var result: [XMLElement] = []
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { result.append(XMLElement(node: current)) }
            child = current.pointee.next
        }
        return result
    }

    /// Whether the element's local name is `name`, compared in place: making a string of every
    /// name looked at cost more than the rest of reading a letter's structure.
    func isNamed(_ name: String) -> Bool {
        guard var raw = node.pointee.name else { return name.isEmpty }
        // Byte by byte: handing `name` to strcmp would copy it into a C string each time.
        for byte in name.utf8 {
            guard raw.pointee == byte else { return false }
            raw += 1
        }
        return raw.pointee == 0
    }

    func child(_ name: String) -> XMLElement? {
        var child = node.pointee.children
        while let current = child {
            let element = XMLElement(node: current)
            if current.pointee.type == XML_ELEMENT_NODE, element.isNamed(name) { return element }
            child = current.pointee.next
        }
        return nil
    }

    func children(_ name: String) -> [XMLElement] {
        children.filter { $0.isNamed(name) }
    }

    /// The element at a path of local names below this one.
    func descendant(_ path: [String]) -> XMLElement? {
        var current: XMLElement? = self
        for name in path { current = current?.child(name) }
        return current
    }

    /// The element's own text, trimmed; nil where empty. Entity references are not expanded.
    var text: String? {
        var collected = ""
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
               let content = current.pointee.content {
                collected += String(cString: content)
            }
            child = current.pointee.next
        }
        let trimmed = collected.trimmingSpacesAndNewlines
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text of the child at `path`.
    func text(_ path: String...) -> String? {
        descendant(path)?.text
    }
}
