module kr.co.stupy.chat {
    requires transitive kr.co.stupy.shared;
    exports kr.co.stupy.chat;
}
