import CLibXML2
import Foundation

/// What a thread keeps from one letter's parse to the next: a libxml2 parser context whose events
/// go to `XMLTreeBuilder`s, reset by `xmlCtxtReadMemory` before each letter as libxml2 provides
/// for, and the buffers of the last tree, for the next tree to fill.
///
/// A new context for each letter (its name dictionary, stacks and tables made and freed again)
/// and new buffers for each tree cost some 2–3 % of an XML letter's time, measured in
/// turn on the same letters: more in time than in instructions, since blocks of kilobytes made and
/// freed at every letter keep the allocator merging and sorting its free lists.
final class ThreadParser {
    private let context: xmlParserCtxtPtr
    /// The options of a new context. `xmlCtxtReadMemory` sets a letter's options without clearing
    /// all of the last letter's (`XML_PARSE_IGNORE_ENC`, given for a letter converted from
    /// windows-1252, stays): each parse starts from these.
    private let newOptions: Int32
    private var spare: (nodes: GrowingBuffer<XMLTree.Node>, bytes: GrowingBuffer<UInt8>)?

    private init?() {
        guard let context = xmlNewParserCtxt() else { return nil }
        self.context = context
        newOptions = context.pointee.options
        XMLEvents.collectErrors(context.pointee.sax)
        XMLEvents.route(context.pointee.sax)
    }

    deinit {
        xmlFreeParserCtxt(context)
        spare?.nodes.deallocate()
        spare?.bytes.deallocate()
    }

    /// This thread's parser, made the first time it asks (nil only where libxml2 cannot allocate one).
    static var current: ThreadParser? {
        if let stored = pthread_getspecific(key) {
            let parser = Unmanaged<ThreadParser>.fromOpaque(stored)
            guard parser._withUnsafeGuaranteedRef(\.isSpent) else { return parser.takeUnretainedValue() }
            pthread_setspecific(key, nil)
            parser.release()
        }
        guard let made = ThreadParser() else { return nil }
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// The dictionary keeps every name the context has read, from letter to letter: a letter's
    /// hundred-odd element names and its namespace, the same in every letter. Past this many
    /// names, or bytes of them (letters of made-up names), the parser is spent and the next
    /// letter gets a new one: memory stays bounded, and far below the size at which libxml2's
    /// dictionary refuses names (10 MB), which for a new context is one letter's alone.
    private static let namesKept = 50_000
    private static let nameBytesKept = 1 << 20
    private var isSpent = false

    /// Runs `body` with the context, its private pointer set to `builder` for the parse.
    func parse<T>(building builder: XMLTreeBuilder, _ body: (xmlParserCtxtPtr) throws(ReadError) -> T) throws(ReadError) -> T {
        let box = Unmanaged.passRetained(builder)
        builder.context = context
        context.pointee._private = box.toOpaque()
        context.pointee.options = newOptions
        defer {
            // The letter's input and anything else of it the context holds go now, not at the
            // thread's next letter: a thread may wait long for one.
            epicheck_free_document_catalogs(context)
            xmlCtxtReset(context)
            context.pointee._private = nil
            builder.context = nil
            box.release()
            if let dictionary = context.pointee.dict,
               xmlDictSize(dictionary) > Self.namesKept || xmlDictGetUsage(dictionary) > Self.nameBytesKept {
                isSpent = true
            }
        }
        return try body(context)
    }

    /// The last tree's buffers, emptied, if the thread has them.
    func takeBuffers() -> (nodes: GrowingBuffer<XMLTree.Node>, bytes: GrowingBuffer<UInt8>)? {
        guard var buffers = spare else { return nil }
        spare = nil
        buffers.nodes.count = 0
        buffers.bytes.count = 0
        return buffers
    }

    /// Buffers larger than this are freed rather than kept: one huge letter does not hold its
    /// memory for the rest of a batch.
    private static let bytesKept = 1 << 20

    /// Keeps a finished tree's buffers for this thread's next tree, or frees them: of two pairs
    /// (a tree's and an unused builder's) the larger is kept.
    static func recycle(nodes: GrowingBuffer<XMLTree.Node>, bytes: GrowingBuffer<UInt8>) {
        let size = Self.size(nodes, bytes)
        if size <= bytesKept, let stored = pthread_getspecific(key) {
            let parser = Unmanaged<ThreadParser>.fromOpaque(stored).takeUnretainedValue()
            if let spare = parser.spare, Self.size(spare.nodes, spare.bytes) >= size {
                nodes.deallocate()
                bytes.deallocate()
                return
            }
            parser.spare?.nodes.deallocate()
            parser.spare?.bytes.deallocate()
            parser.spare = (nodes, bytes)
            return
        }
        nodes.deallocate()
        bytes.deallocate()
    }

    private static func size(_ nodes: GrowingBuffer<XMLTree.Node>, _ bytes: GrowingBuffer<UInt8>) -> Int {
        nodes.capacity * MemoryLayout<XMLTree.Node>.stride + bytes.capacity
    }

    private static let key = ThreadObjectKey.make()
}
