// compare
export default {
  title: "compare",
};
