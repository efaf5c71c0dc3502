package archfixture.bad.rooms;

/** Breaks domain:rooms and contextsAreIndependent: one context uses another. */
public class RoomUsesTodo {
    archfixture.bad.todos.Todo todo;
}
