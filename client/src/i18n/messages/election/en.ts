// The election area's messages (English, the source). Keys start with "election.". See ../../README.md.
export default {} as const;
