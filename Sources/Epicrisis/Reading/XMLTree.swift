import CLibXML2
import Foundation

/// An XML document's elements, text and comments, as libxml2's SAX parser reports them, in one
/// array of nodes and one buffer of bytes.
///
/// libxml2's own tree allocates a node for every element and every run of text, and frees them
/// one by one: building and freeing it cost as much again as parsing the letter. The reader needs
/// far less of a tree (names, text, line numbers), and this one is two allocations, built from
/// the same parser events libxml2's tree is built from and with the same text nodes and lines
/// (`XMLTreeTests` compares the two; `Node.line` says where the lines part).
final class XMLTree {
    enum Kind: UInt8 {
        case element, text, comment
        /// An entity reference or a processing instruction: kept only because it parts the text
        /// around it into two text nodes, as in libxml2's tree.
        case other
    }

    struct Node {
        var kind: Kind
        /// The line libxml2 gives the node: where the parser stood when it reported it (the end of
        /// a start tag; for text, the end of its first run). Past line 65,535, where libxml2's
        /// tree keeps a text's line but gives an element or a comment a neighbour's, every node's
        /// own.
        var line: Int32
        /// Where the element's local name, or the text's or comment's content, starts in `bytes`;
        /// a NUL follows it.
        var start: Int32
        var length: Int32
        /// The element's namespace, an index into `namespaces`; -1 for none.
        var namespace: Int32 = -1
        var firstChild: Int32 = -1
        var lastChild: Int32 = -1
        var next: Int32 = -1
    }

    /// Node 0 is the document: its children are the root element and the comments outside it.
    let nodes: UnsafeBufferPointer<Node>
    let bytes: UnsafePointer<UInt8>
    let namespaces: [String]
    /// The buffers `nodes` and `bytes` lie in, handed on to the next tree this thread builds.
    private let nodeBuffer: GrowingBuffer<Node>
    private let byteBuffer: GrowingBuffer<UInt8>

    fileprivate init(nodes: GrowingBuffer<Node>, bytes: GrowingBuffer<UInt8>, namespaces: [String]) {
        self.nodes = UnsafeBufferPointer(start: nodes.base, count: nodes.count)
        self.bytes = UnsafePointer(bytes.base)
        self.namespaces = namespaces
        nodeBuffer = nodes
        byteBuffer = bytes
    }

    deinit {
        ThreadParser.recycle(nodes: nodeBuffer, bytes: byteBuffer)
    }

    /// The root element, if the document has one.
    var root: XMLElement? {
        children(of: 0).first { nodes[Int($0)].kind == .element }.map { XMLElement(tree: self, index: $0) }
    }

    /// The node's name or content, NUL-terminated.
    func content(of index: Int32) -> UnsafePointer<UInt8> {
        bytes + Int(nodes[Int(index)].start)
    }

    func string(of index: Int32) -> String {
        let node = nodes[Int(index)]
        return String(decoding: UnsafeBufferPointer(start: bytes + Int(node.start), count: Int(node.length)), as: UTF8.self)
    }

    /// Whether the node's name (or content) is `name`.
    func hasName(_ index: Int32, _ name: String) -> Bool {
        let node = nodes[Int(index)]
        guard name.utf8.count == Int(node.length) else { return false }
        guard node.length > 0 else { return true } // an empty string's storage may have no address
        let start = bytes + Int(node.start)
        return name.utf8.withContiguousStorageIfAvailable { memcmp(start, $0.baseAddress!, $0.count) == 0 }
            ?? name.utf8.elementsEqual(UnsafeBufferPointer(start: start, count: Int(node.length)))
    }

    func children(of index: Int32) -> Children {
        Children(tree: self, first: nodes[Int(index)].firstChild)
    }

    /// A node's children in document order, by index.
    struct Children: Sequence, IteratorProtocol {
        unowned(unsafe) let tree: XMLTree
        var first: Int32

        mutating func next() -> Int32? {
            guard first >= 0 else { return nil }
            defer { first = tree.nodes[Int(first)].next }
            return first
        }
    }
}

/// Builds an `XMLTree` from libxml2's SAX events (`XMLEvents` routes them here).
final class XMLTreeBuilder {
    /// The parser context whose events make the tree; the events of any other (an internal
    /// entity's value, parsed in a context of its own) go to libxml2's tree builder (`XMLEvents`).
    var context: xmlParserCtxtPtr?
    let errors = ParseErrorCollector()
    // One parse on one thread writes these, an event at a time, into buffers of its own: arrays'
    // checks (and Swift's run-time checks of each access to a class's `var`s) cost more than the
    // writes.
    @exclusivity(unchecked) private var nodes: GrowingBuffer<XMLTree.Node>
    @exclusivity(unchecked) private var bytes: GrowingBuffer<UInt8>
    /// The elements open at this point of the document; the document node at the bottom.
    @exclusivity(unchecked) private var open = GrowingBuffer<Int32>(capacity: 32)
    @exclusivity(unchecked) private var namespaces: [String] = []
    @exclusivity(unchecked) private var lastNamespace: UnsafePointer<UInt8>?
    private var finished = false
    /// The builder refused the document (`refuse`) and reads no more.
    private var refused = false

    /// Builds in `buffers` (a finished tree's, emptied) where given, else in new ones.
    init(buffers: (nodes: GrowingBuffer<XMLTree.Node>, bytes: GrowingBuffer<UInt8>)? = nil) {
        // A letter has some three hundred nodes.
        nodes = buffers?.nodes ?? GrowingBuffer(capacity: 512)
        bytes = buffers?.bytes ?? GrowingBuffer(capacity: 8_192)
        nodes.append(XMLTree.Node(kind: .element, line: 0, start: 0, length: 0))
        bytes.append(0)
        open.append(0)
    }

    deinit {
        if !finished { ThreadParser.recycle(nodes: nodes, bytes: bytes) }
        open.deallocate()
    }

    /// The tree; the builder is spent.
    func finish() -> XMLTree {
        finished = true
        return XMLTree(nodes: nodes, bytes: bytes, namespaces: namespaces)
    }

    func startElement(_ localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?, line: Int32) {
        let length = strlen(UnsafeRawPointer(localName).assumingMemoryBound(to: CChar.self))
        guard fits(length) else { return }
        let index = add(.element, line: line, text: localName, length: length)
        if let namespace { nodes.base[Int(index)].namespace = namespaceIndex(namespace) }
        open.append(index)
    }

    func endElement() {
        if open.count > 1 { open.count -= 1 }
    }

    /// A run of text: added to the element's last child when that is text (libxml2 joins runs
    /// the parser reports separately, around `&amp;` or at its buffer's edge), else a new node.
    func characters(_ text: UnsafePointer<UInt8>, length: Int, line: Int32) {
        guard open.count > 1, fits(length) else { return } // outside the root element: not part of the tree
        let last = nodes.base[Int(open.base[open.count - 1])].lastChild
        if last >= 0, nodes.base[Int(last)].kind == .text {
            // The last text is the last thing written: it grows in place, over its NUL.
            bytes.count -= 1
            write(text, length: length)
            nodes.base[Int(last)].length += Int32(length)
        } else {
            add(.text, line: line, text: text, length: length)
        }
    }

    func comment(_ text: UnsafePointer<UInt8>, line: Int32) {
        let length = strlen(UnsafeRawPointer(text).assumingMemoryBound(to: CChar.self))
        guard fits(length) else { return }
        add(.comment, line: line, text: text, length: length)
    }

    /// An entity reference or processing instruction within an element.
    func other(line: Int32) {
        guard open.count > 1, fits(0) else { return }
        add(.other, line: line, text: nil, length: 0)
    }

    /// Whether `length` more bytes (and a NUL) can be written: offsets are kept in 32 bits. The
    /// document is refused, with an error, where they cannot; and once refused, nothing fits.
    private func fits(_ length: Int) -> Bool {
        if refused { return false }
        guard bytes.count + length + 1 < Int(Int32.max) else {
            refuse("the document is too large to read (its text and names past 2 GiB)")
            return false
        }
        return true
    }

    /// Stops the parse with a fatal error where the parser stands, as libxml2's own tree builder
    /// does when it refuses a document.
    private func refuse(_ message: String) {
        guard !refused, let context else { return }
        refused = true
        let input = context.pointee.input
        errors.recordFatal(line: Int(input?.pointee.line ?? 0), column: Int(input?.pointee.col ?? 0), message: message)
        xmlStopParser(context)
    }

    @discardableResult
    private func add(_ kind: XMLTree.Kind, line: Int32, text: UnsafePointer<UInt8>?, length: Int) -> Int32 {
        let start = Int32(bytes.count)
        write(text, length: length)
        let index = Int32(nodes.count)
        nodes.append(XMLTree.Node(kind: kind, line: line, start: start, length: Int32(length)))
        let parent = Int(open.base[open.count - 1])
        let last = nodes.base[parent].lastChild
        if last >= 0 { nodes.base[Int(last)].next = index } else { nodes.base[parent].firstChild = index }
        nodes.base[parent].lastChild = index
        return index
    }

    /// Writes the bytes and a NUL after them (`fits` has said they fit).
    private func write(_ text: UnsafePointer<UInt8>?, length: Int) {
        if let text, length > 0 { bytes.append(text, count: length) }
        bytes.append(0)
    }

    private func namespaceIndex(_ uri: UnsafePointer<UInt8>) -> Int32 {
        // libxml2 hands every element of a namespace the same pointer (its names are interned for
        // the parse): a letter's thousand elements cost one string.
        if uri == lastNamespace { return Int32(namespaces.count - 1) }
        lastNamespace = uri
        namespaces.append(String(cString: uri))
        return Int32(namespaces.count - 1)
    }
}

/// A buffer that doubles as it fills; its owner frees it.
struct GrowingBuffer<Element> {
    private(set) var base: UnsafeMutablePointer<Element>
    var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = .allocate(capacity: capacity)
    }

    @inline(__always)
    mutating func append(_ element: Element) {
        if count == capacity { grow(to: count + 1) }
        (base + count).initialize(to: element)
        count += 1
    }

    mutating func append(_ elements: UnsafePointer<Element>, count added: Int) {
        if count + added > capacity { grow(to: count + added) }
        (base + count).initialize(from: elements, count: added)
        count += added
    }

    private mutating func grow(to needed: Int) {
        capacity = max(capacity * 2, needed)
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.moveInitialize(from: base, count: count)
        base.deallocate()
        base = grown
    }

    func deallocate() {
        base.deallocate()
    }
}
