module kr.co.stupy.rooms {
    requires transitive kr.co.stupy.shared;
    exports kr.co.stupy.rooms;
}
