/** What every list answers besides its items (`?page=&pageSize=`); each list's class adds `items`. */
export abstract class PageResponse {
  /** The page given, from 1. */
  page: number;
  /** Items per page, at most 500. */
  pageSize: number;
  /** Items in the whole list, across every page. */
  total: number;
}
