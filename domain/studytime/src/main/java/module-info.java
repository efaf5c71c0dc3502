module kr.co.stupy.studytime {
    requires transitive kr.co.stupy.shared;
    exports kr.co.stupy.studytime;
}
