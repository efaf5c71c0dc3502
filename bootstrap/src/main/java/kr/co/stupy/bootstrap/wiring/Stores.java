package kr.co.stupy.bootstrap.wiring;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import kr.co.stupy.adapter.mongo.chat.MongoChatLog;
import kr.co.stupy.adapter.mongo.identity.MongoUsedLoginStates;
import kr.co.stupy.adapter.mongo.identity.MongoUsers;
import kr.co.stupy.adapter.mongo.image.MongoImageStore;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomQuotas;
import kr.co.stupy.adapter.mongo.rooms.MongoRooms;
import kr.co.stupy.adapter.mongo.studytime.MongoDailyGoals;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyLedger;
import kr.co.stupy.adapter.mongo.studytime.MongoStudyRollups;
import kr.co.stupy.adapter.mongo.todos.MongoTodoLists;
import kr.co.stupy.application.identity.port.out.UsedLoginStates;
import kr.co.stupy.chat.ChatLog;
import kr.co.stupy.identity.Users;
import kr.co.stupy.rooms.RoomQuotas;
import kr.co.stupy.rooms.Rooms;
import kr.co.stupy.studytime.DailyGoals;
import kr.co.stupy.rooms.RoomPomodoros;
import kr.co.stupy.adapter.mongo.rooms.MongoRoomPomodoros;
import kr.co.stupy.studytime.StudyLedger;
import kr.co.stupy.studytime.StudyRollups;
import kr.co.stupy.todos.TodoLists;

/** Every store of a node, by name: the domain's and the application's out-ports, here all kept in one MongoDB database. */
public record Stores(Users users, Rooms rooms, RoomQuotas quotas, ChatLog chat, StudyLedger ledger, StudyRollups rollups,
                     TodoLists todos, MongoImageStore images, UsedLoginStates loginStates, DailyGoals goals,
                     RoomPomodoros pomodoros) {

    /** Pictures live in the database too, so every node sharing it serves every picture. */
    public static Stores in(MongoDatabase database, Clock clock) {
        return new Stores(new MongoUsers(database), new MongoRooms(database), new MongoRoomQuotas(database), new MongoChatLog(database),
                new MongoStudyLedger(database), MongoStudyRollups.in(database), new MongoTodoLists(database),
                new MongoImageStore(database, clock), new MongoUsedLoginStates(database, clock), new MongoDailyGoals(database),
                new MongoRoomPomodoros(database));
    }

    /** The same stores with another chat store (one that measures its calls). */
    public Stores withChat(ChatLog other) {
        return new Stores(users, rooms, quotas, other, ledger, rollups, todos, images, loginStates, goals, pomodoros);
    }
}
