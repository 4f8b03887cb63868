/** The news page's URL state: the post being read and the page of the list. */
export const NEWS_SEARCH_KEYS = ["id", "page"] as const;
