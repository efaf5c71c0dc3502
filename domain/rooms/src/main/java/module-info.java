/** Study rooms: the room aggregate with its membership rules, search criteria, and the ports that keep rooms. */
module kr.co.stupy.rooms {
    requires transitive kr.co.stupy.shared;
    exports kr.co.stupy.rooms;
}
