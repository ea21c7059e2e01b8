// The phone area's messages (English, the source). Keys start with "phone.". See ../../README.md.
export default {} as const;
