// The host APIs the pure core may use beyond ECMAScript, for tsconfig.shared.json (which has
// neither the DOM's types nor Node's). Each is in every browser and in Node, and does no I/O.

/** A deep copy (HTML's structured clone): the replay keeps its checkpoints with it. */
declare function structuredClone<T>(value: T): T;
