// matrix
export default {
  title: "matrix",
};
