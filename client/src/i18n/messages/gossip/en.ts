// The gossip area's messages (English, the source). Keys start with "gossip.". See ../../README.md.
export default {} as const;
