package kr.co.stupy.adapter.redis;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kr.co.stupy.application.live.ConnectionId;
import kr.co.stupy.application.live.LiveConnection;
import kr.co.stupy.application.live.port.out.LivePresence;
import kr.co.stupy.shared.RoomId;
import kr.co.stupy.shared.UserId;
import kr.co.stupy.studytime.StudyState;
import kr.co.stupy.studytime.StudyStatus;
import kr.co.stupy.studytime.Subject;
import redis.clients.jedis.UnifiedJedis;

/**
 * Presence shared by every node, in Redis. Per connection a hash ({@code conn:<id>}: user, room,
 * node, since, session, last beat); per room a sorted set by arrival; per user the one connection
 * it holds; {@code beats}, a sorted set by last heartbeat, for finding the connections of a dead
 * node. Entries expire ({@link #ENTRY_TTL}) unless heartbeats refresh them, so nothing outlives
 * every node; well before that a surviving node's reaper finds them through {@code beats} and
 * announces them gone. Each step that reads and writes is one Lua script, hence atomic across nodes.
 * {@code route:<id>} names the node of a connection a while after it left presence, so the events
 * that end a connection (replaced, kicked, room closed) still find their way to it.
 */
public final class RedisLivePresence implements LivePresence {

    /** Three reaper cut-offs: a backstop for when no node is left to reap; the reaper acts after 45 s. */
    public static final Duration ENTRY_TTL = Duration.ofSeconds(135);
    static final Duration ROUTE_TTL = Duration.ofMinutes(5);

    /** Loads a connection's fields; false when its hash is gone (expired or removed). */
    private static final String ENTRY = """
            local function entry(p, cid)
              local f = redis.call('HMGET', p .. 'conn:' .. cid, 'u', 'r', 'n', 's', 'sid', 'st', 'sj', 'ss')
              if not f[1] then return nil end
              return {cid, f[1], f[2], f[3], f[4], f[5], f[6] or 'studying', f[7] or '', f[8] or f[4]}
            end
            local function live(p, room)
              local out = {}
              for _, cid in ipairs(redis.call('ZRANGE', p .. 'room:' .. room, 0, -1)) do
                local e = entry(p, cid)
                if e then table.insert(out, e)
                else
                  redis.call('ZREM', p .. 'room:' .. room, cid)
                  redis.call('ZREM', p .. 'beats', cid)
                end
              end
              return out
            end
            """;

    /** ARGV: prefix, id, user, room, node, since, session, max, ttl, routeTtl, mode ('admit' or 'restore'), beat, status, subject ('' for none), state since. */
    private static final LuaScript ADMIT = new LuaScript(ENTRY + """
            local p, id, user, room, node, since, sid = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], ARGV[6], ARGV[7]
            local max, ttl, routeTtl, mode, beat = tonumber(ARGV[8]), tonumber(ARGV[9]), tonumber(ARGV[10]), ARGV[11], ARGV[12]
            local connKey, userKey = p .. 'conn:' .. id, p .. 'user:' .. user
            if mode == 'restore' and redis.call('EXISTS', connKey) == 1 then return {'ok', {}} end
            local others = {}
            for _, e in ipairs(live(p, room)) do
              if e[2] ~= user then table.insert(others, e) end
            end
            if #others >= max then return {'full'} end
            local replaced = {}
            local previous = redis.call('GET', userKey)
            if previous then
              local e = entry(p, previous)
              if e then
                if mode == 'restore' then return {'taken'} end
                replaced = e
                redis.call('DEL', p .. 'conn:' .. previous)
                redis.call('ZREM', p .. 'room:' .. e[3], previous)
                redis.call('ZREM', p .. 'beats', previous)
              end
            end
            redis.call('HSET', connKey, 'u', user, 'r', room, 'n', node, 's', since, 'sid', sid, 'b', beat,
              'st', ARGV[13], 'sj', ARGV[14], 'ss', ARGV[15])
            redis.call('PEXPIRE', connKey, ttl)
            redis.call('SET', userKey, id, 'PX', ttl)
            redis.call('ZADD', p .. 'room:' .. room, since, id)
            redis.call('ZADD', p .. 'beats', beat, id)
            redis.call('SET', p .. 'route:' .. id, node, 'PX', routeTtl)
            local reply = {'ok', replaced}
            for _, e in ipairs(others) do table.insert(reply, e) end
            return reply
            """);

    /** ARGV: prefix, id. The removed entry, or an empty reply. */
    private static final LuaScript REMOVE = new LuaScript(ENTRY + """
            local p, id = ARGV[1], ARGV[2]
            local e = entry(p, id)
            redis.call('ZREM', p .. 'beats', id)
            if not e then return {} end
            redis.call('DEL', p .. 'conn:' .. id)
            redis.call('ZREM', p .. 'room:' .. e[3], id)
            if redis.call('GET', p .. 'user:' .. e[2]) == id then redis.call('DEL', p .. 'user:' .. e[2]) end
            return e
            """);

    /**
     * ARGV: prefix, at, ttl, routeTtl, ids... The ids that are present; each one's expiry is renewed
     * and its last beat moved to {@code at}, never back.
     */
    private static final LuaScript HEARTBEAT_ALL = new LuaScript("""
            local p, at, ttl, routeTtl = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
            local present = {}
            for i = 5, #ARGV do
              local id = ARGV[i]
              local connKey = p .. 'conn:' .. id
              local f = redis.call('HMGET', connKey, 'u', 'b')
              if f[1] then
                if at > tonumber(f[2]) then
                  redis.call('HSET', connKey, 'b', at)
                  redis.call('ZADD', p .. 'beats', at, id)
                end
                redis.call('PEXPIRE', connKey, ttl)
                redis.call('PEXPIRE', p .. 'user:' .. f[1], ttl)
                redis.call('PEXPIRE', p .. 'route:' .. id, routeTtl)
                table.insert(present, id)
              end
            end
            return present
            """);
    /** Connections beaten by one script run, so Redis is never held for long. */
    static final int HEARTBEAT_SLICE = 500;

    /** ARGV: prefix, id, session, status, subject ('' for none), state since. The changed entry, or an empty reply when it is gone. */
    private static final LuaScript CHANGE_STATE = new LuaScript(ENTRY + """
            local p, id = ARGV[1], ARGV[2]
            local connKey = p .. 'conn:' .. id
            if redis.call('EXISTS', connKey) == 0 then return {} end
            redis.call('HSET', connKey, 'sid', ARGV[3], 'st', ARGV[4], 'sj', ARGV[5], 'ss', ARGV[6])
            return entry(p, id)
            """);

    /** ARGV: prefix. Every live entry (through {@code beats}, which holds each connection once). */
    private static final LuaScript ALL = new LuaScript(ENTRY + """
            local p = ARGV[1]
            local out = {}
            for _, cid in ipairs(redis.call('ZRANGE', p .. 'beats', 0, -1)) do
              local e = entry(p, cid)
              if e then table.insert(out, e) end
            end
            return out
            """);

    /** ARGV: prefix, room. The room's live entries, oldest first. */
    private static final LuaScript IN_ROOM = new LuaScript(ENTRY + """
            return live(ARGV[1], ARGV[2])
            """);

    /** ARGV: prefix, rooms... How many are live in each. */
    private static final LuaScript COUNTS = new LuaScript(ENTRY + """
            local out = {}
            for i = 2, #ARGV do table.insert(out, #live(ARGV[1], ARGV[i])) end
            return out
            """);

    /** ARGV: prefix, cutoff. Entries whose last beat is before the cutoff. */
    private static final LuaScript STALE = new LuaScript(ENTRY + """
            local p = ARGV[1]
            local out = {}
            for _, cid in ipairs(redis.call('ZRANGEBYSCORE', p .. 'beats', '-inf', '(' .. ARGV[2])) do
              local e = entry(p, cid)
              if e then table.insert(out, e) else redis.call('ZREM', p .. 'beats', cid) end
            end
            return out
            """);

    private final UnifiedJedis redis;
    private final String prefix;

    /** {@code prefix} namespaces every key, e.g. {@code stupy:}; tests give each run its own. */
    public RedisLivePresence(UnifiedJedis redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    @Override
    public Admission admit(LiveConnection connection) {
        List<?> reply = admitOrRestore(connection, "admit", connection.since());
        if (!"ok".equals(reply.getFirst())) {
            return new Admission.RoomFull();
        }
        List<?> replaced = (List<?>) reply.get(1);
        List<LiveConnection> others = reply.subList(2, reply.size()).stream().map(e -> connection((List<?>) e)).toList();
        return new Admission.Admitted(others, replaced.isEmpty() ? Optional.empty() : Optional.of(connection(replaced)));
    }

    @Override
    public boolean restore(LiveConnection connection, Instant at) {
        return "ok".equals(admitOrRestore(connection, "restore", at).getFirst()) && heartbeat(connection.connectionId(), at);
    }

    private List<?> admitOrRestore(LiveConnection c, String mode, Instant beat) {
        return (List<?>) ADMIT.run(redis, List.of(prefix, c.connectionId().value(), c.userId().value(), c.roomId().value(), c.nodeId(),
                Long.toString(c.since().toEpochMilli()), c.sessionId(), Integer.toString(MAX_PER_ROOM),
                Long.toString(ENTRY_TTL.toMillis()), Long.toString(ROUTE_TTL.toMillis()), mode, Long.toString(beat.toEpochMilli()),
                c.state().status().key(), subjectField(c.state()), Long.toString(c.state().since().toEpochMilli())));
    }

    private static String subjectField(StudyState state) {
        return state.subject().map(Subject::name).orElse("");
    }

    @Override
    public Optional<LiveConnection> remove(ConnectionId connectionId) {
        List<?> removed = (List<?>) REMOVE.run(redis, List.of(prefix, connectionId.value()));
        return removed.isEmpty() ? Optional.empty() : Optional.of(connection(removed));
    }

    @Override
    public Optional<LiveConnection> get(ConnectionId connectionId) {
        List<String> f = redis.hmget(prefix + "conn:" + connectionId.value(), "u", "r", "n", "s", "sid", "st", "sj", "ss");
        if (f.getFirst() == null) {
            return Optional.empty();
        }
        List<Object> e = new ArrayList<>();
        e.add(connectionId.value());
        e.addAll(f.subList(0, 5));
        e.add(f.get(5) == null ? "studying" : f.get(5));
        e.add(f.get(6) == null ? "" : f.get(6));
        e.add(f.get(7) == null ? f.get(3) : f.get(7));
        return Optional.of(connection(e));
    }

    @Override
    public List<LiveConnection> all() {
        return entries(ALL.run(redis, List.of(prefix)));
    }

    @Override
    public Optional<LiveConnection> changeState(ConnectionId connectionId, String sessionId, StudyState state) {
        List<?> changed = (List<?>) CHANGE_STATE.run(redis, List.of(prefix, connectionId.value(), sessionId, state.status().key(),
                subjectField(state), Long.toString(state.since().toEpochMilli())));
        return changed.isEmpty() ? Optional.empty() : Optional.of(connection(changed));
    }

    @Override
    public Optional<LiveConnection> ofUser(UserId userId) {
        String id = redis.get(prefix + "user:" + userId.value());
        return id == null ? Optional.empty() : get(new ConnectionId(id)).filter(c -> c.userId().equals(userId));
    }

    @Override
    public List<LiveConnection> inRoom(RoomId roomId) {
        return entries(IN_ROOM.run(redis, List.of(prefix, roomId.value())));
    }

    @Override
    public Map<RoomId, Integer> counts(Collection<RoomId> roomIds) {
        if (roomIds.isEmpty()) {
            return Map.of();
        }
        List<RoomId> rooms = List.copyOf(roomIds);
        List<String> args = new ArrayList<>(rooms.size() + 1);
        args.add(prefix);
        rooms.forEach(r -> args.add(r.value()));
        List<?> counts = (List<?>) COUNTS.run(redis, args);
        Map<RoomId, Integer> result = new HashMap<>();
        for (int i = 0; i < rooms.size(); i++) {
            int count = ((Long) counts.get(i)).intValue();
            if (count > 0) {
                result.put(rooms.get(i), count);
            }
        }
        return result;
    }

    @Override
    public boolean heartbeat(ConnectionId connectionId, Instant at) {
        return !heartbeatAll(List.of(connectionId), at).isEmpty();
    }

    @Override
    public Set<ConnectionId> heartbeatAll(Collection<ConnectionId> connectionIds, Instant at) {
        List<ConnectionId> ids = List.copyOf(connectionIds);
        Set<ConnectionId> present = new HashSet<>();
        for (int from = 0; from < ids.size(); from += HEARTBEAT_SLICE) {
            List<String> args = new ArrayList<>();
            args.add(prefix);
            args.add(Long.toString(at.toEpochMilli()));
            args.add(Long.toString(ENTRY_TTL.toMillis()));
            args.add(Long.toString(ROUTE_TTL.toMillis()));
            ids.subList(from, Math.min(ids.size(), from + HEARTBEAT_SLICE)).forEach(id -> args.add(id.value()));
            for (Object id : (List<?>) HEARTBEAT_ALL.run(redis, args)) {
                present.add(new ConnectionId((String) id));
            }
        }
        return present;
    }

    @Override
    public List<LiveConnection> staleSince(Instant cutoff) {
        return entries(STALE.run(redis, List.of(prefix, Long.toString(cutoff.toEpochMilli()))));
    }

    /** The node holding the connection, also shortly after it left presence; empty when nobody knows. */
    public Optional<String> nodeOf(ConnectionId connectionId) {
        return Optional.ofNullable(redis.get(prefix + "route:" + connectionId.value()));
    }

    private static List<LiveConnection> entries(Object reply) {
        return ((List<?>) reply).stream().map(e -> connection((List<?>) e)).toList();
    }

    private static LiveConnection connection(List<?> e) {
        String subject = (String) e.get(7);
        StudyState state = new StudyState(StudyStatus.ofKey((String) e.get(6)).orElse(StudyStatus.STUDYING),
                subject.isEmpty() ? Optional.empty() : Optional.of(new Subject(subject)),
                Instant.ofEpochMilli(Long.parseLong((String) e.get(8))));
        return new LiveConnection(new ConnectionId((String) e.get(0)), new UserId((String) e.get(1)), new RoomId((String) e.get(2)),
                (String) e.get(3), Instant.ofEpochMilli(Long.parseLong((String) e.get(4))), (String) e.get(5), state);
    }
}
