/// A read-only view of an element of an `XMLTree`, valid only while the tree lives.
///
/// It never leaves `OIOXMLReader`: the reader copies what it needs into Swift values before the
/// tree goes. (It holds the tree unowned, so passing elements around counts no references.)
struct XMLElement {
    unowned(unsafe) let tree: XMLTree
    let index: Int32

    /// The element's name without its namespace prefix: MedCom's namespaces change by version,
    /// the local names do not.
    var localName: String { tree.string(of: index) }

    var namespace: String? {
        let namespace = tree.nodes[Int(index)].namespace
        return namespace >= 0 ? tree.namespaces[Int(namespace)] : nil
    }

    var line: Int { Int(tree.nodes[Int(index)].line) }

    var children: [XMLElement] {
        tree.children(of: index).compactMap { tree.nodes[Int($0)].kind == .element ? XMLElement(tree: tree, index: $0) : nil }
    }

    /// Whether the element's local name is `name`, compared in place: making a string of every
    /// name looked at cost more than the rest of reading a letter's structure.
    func isNamed(_ name: String) -> Bool {
        tree.hasName(index, name)
    }

    func child(_ name: String) -> XMLElement? {
        tree.children(of: index).first { tree.nodes[Int($0)].kind == .element && tree.hasName($0, name) }
            .map { XMLElement(tree: tree, index: $0) }
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
        var collected: String?
        for child in tree.children(of: index) where tree.nodes[Int(child)].kind == .text {
            // Nearly always one run of text: taken as it is, not appended to an empty string.
            if collected == nil { collected = tree.string(of: child) } else { collected! += tree.string(of: child) }
        }
        guard let trimmed = collected?.trimmingSpacesAndNewlines, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    /// The text of the child named `name`.
    func text(_ name: String) -> String? {
        child(name)?.text
    }

    /// The text of the child at `path`.
    func text(_ path: String...) -> String? {
        descendant(path)?.text
    }
}
