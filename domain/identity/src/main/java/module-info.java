/** Who a user is: profile and the social accounts linked to it. */
module kr.co.stupy.identity {
    requires transitive kr.co.stupy.shared;
    exports kr.co.stupy.identity;
}
