// The notices area's messages (English, the source). Keys are "notice." and the notice code. See ../../README.md.
export default {} as const;
