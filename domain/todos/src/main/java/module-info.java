module kr.co.stupy.todos {
    requires transitive kr.co.stupy.shared;
    exports kr.co.stupy.todos;
}
