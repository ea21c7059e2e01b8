// The replay area's messages (English, the source). Keys start with "replay.". See ../../README.md.
export default {} as const;
