package archfixture.bad.todos;

/** Breaks domain:todos: a context depends on a bootstrap class. */
public class Todo {
    archfixture.bad.bootstrap.Wiring wiring;
}
