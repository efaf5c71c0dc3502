package kr.co.stupy.todos;

class InMemoryTodoListsTest extends AbstractTodoListsContract {
    @Override
    protected TodoLists createTodoLists() {
        return new InMemoryTodoLists();
    }
}
