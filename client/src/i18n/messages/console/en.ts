// The console area's messages (English, the source). Keys start with "console.". See ../../README.md.
export default {} as const;
