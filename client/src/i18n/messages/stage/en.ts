// The stage area's messages (English, the source). Keys start with "stage.". See ../../README.md.
export default {} as const;
