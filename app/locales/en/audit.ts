// Filled in below.
export default {};
