// sources
export default {
  title: "sources",
};
