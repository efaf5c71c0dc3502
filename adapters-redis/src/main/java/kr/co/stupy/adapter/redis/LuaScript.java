package kr.co.stupy.adapter.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA ({@code EVALSHA}), sent whole ({@code EVAL}, which caches it again)
 * when Redis does not know it: after a restart its script cache is empty.
 */
final class LuaScript {

    private final String source;
    private volatile String sha;

    LuaScript(String source) {
        this.source = source;
    }

    Object run(UnifiedJedis redis, List<String> args) {
        String known = sha;
        if (known != null) {
            try {
                return redis.evalsha(known, List.of(), args);
            } catch (JedisNoScriptException e) {
                sha = null;
            }
        }
        Object result = redis.eval(source, List.of(), args);
        sha = redis.scriptLoad(source);
        return result;
    }
}
