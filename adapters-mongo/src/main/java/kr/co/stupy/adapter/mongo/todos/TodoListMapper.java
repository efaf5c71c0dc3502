package kr.co.stupy.adapter.mongo.todos;

import java.util.Date;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.todos.ListTitle;
import kr.co.stupy.todos.Todo;
import kr.co.stupy.todos.TodoContent;
import kr.co.stupy.todos.TodoId;
import kr.co.stupy.todos.TodoList;
import kr.co.stupy.todos.TodoListId;
import org.bson.Document;

/** {@link TodoList} to and from its document in {@code todo_lists}; its todos are embedded, in order. */
final class TodoListMapper {

    static final String OWNER = "userId";
    static final String TITLE = "title";
    static final String TODOS = "todos";
    static final String CREATED_AT = "createdAt";
    static final String TODO_ID = "id";
    static final String CONTENT = "content";
    static final String DONE = "done";

    private TodoListMapper() {
    }

    static Document toDocument(TodoList list) {
        return new Document("_id", list.id().value())
                .append(OWNER, list.owner().value())
                .append(TITLE, list.title().value())
                .append(TODOS, list.todos().stream().map(TodoListMapper::toDocument).toList())
                .append(CREATED_AT, Date.from(list.createdAt()));
    }

    static Document toDocument(Todo todo) {
        return new Document(TODO_ID, todo.id().value())
                .append(CONTENT, todo.content().value())
                .append(DONE, todo.done())
                .append(CREATED_AT, Date.from(todo.createdAt()));
    }

    static TodoList toTodoList(Document doc) {
        return TodoList.restore(new TodoListId(doc.getString("_id")), new UserId(doc.getString(OWNER)),
                new ListTitle(doc.getString(TITLE)),
                doc.getList(TODOS, Document.class).stream().map(TodoListMapper::toTodo).toList(),
                doc.getDate(CREATED_AT).toInstant());
    }

    static Todo toTodo(Document doc) {
        return new Todo(new TodoId(doc.getString(TODO_ID)), new TodoContent(doc.getString(CONTENT)),
                doc.getBoolean(DONE), doc.getDate(CREATED_AT).toInstant());
    }
}
