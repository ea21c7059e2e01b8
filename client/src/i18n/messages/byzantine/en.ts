// The byzantine area's messages (English, the source). Keys start with "byzantine.". See ../../README.md.
export default {} as const;
