/** Values every bounded context shares: ids, domain errors, paging. Depends on the JDK only. */
module kr.co.stupy.shared {
    exports kr.co.stupy.shared;
}
