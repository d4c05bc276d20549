-- Every write of the session store, one atomic call each. ARGV[1] is the operation; ARGV[2] the write's marker
-- token ('' for none): every change of a session key K then also sets and deletes the key K .. '!' .. token, so that
-- Redis' invalidation message for K names the writes it covers (see SessionCache: an instance keeps the state its
-- own write left only when the message covering that write names no other write of K).
-- A session is a hash: #c created, #a last access, #i max inactive (s), #d deadline, #x absolute deadline
-- (0: none), all in ms since the epoch of the server's clock; attribute fields are '=' .. name.
-- The deadline is the logical expiry; Redis' own TTL is the deadline plus a grace, so that the sweeper can
-- still read the attributes of an expired session (sessionDestroyed) and keys always expire.
local op = ARGV[1]
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local FOREVER = 253402300799000

-- Lua would print large numbers in exponent form: every number goes to Redis as an integer string
local function str(n) return string.format('%d', n) end

-- touched at most every touch-interval, and at least ten times per idle timeout
local function touch_of(inactive, touch)
  if inactive > 0 then return math.min(touch, inactive * 100) end
  return touch
end

local function deadline_of(accessed, inactive, touch, absolute)
  local d = FOREVER
  if inactive > 0 then d = accessed + inactive * 1000 + touch end
  if absolute > 0 and absolute < d then d = absolute end
  return d
end

local function expire(key, d, grace)
  if d >= FOREVER then redis.call('PERSIST', key) else redis.call('PEXPIREAT', key, str(d + grace)) end
end

local mark = ARGV[2]
local function marked(key)
  if mark ~= '' then
    local marker = key .. '!' .. mark
    redis.call('HSET', marker, 'w', '1') -- a hash command: the store's ACL user needs no other than before
    redis.call('DEL', marker)
  end
end

local function alive(key)
  local d = redis.call('HGET', key, '#d')
  return d and tonumber(d) > now
end

if op == 'load' then
  -- KEYS[1] session; ARGV[3] touch interval ms, ARGV[4] grace ms
  local meta = redis.call('HMGET', KEYS[1], '#d', '#a', '#i', '#x')
  if not meta[1] or tonumber(meta[1]) <= now then return false end
  local accessed, inactive, absolute = tonumber(meta[2]), tonumber(meta[3]), tonumber(meta[4])
  local touch = touch_of(inactive, tonumber(ARGV[3]))
  if now - accessed >= touch then
    local d = deadline_of(now, inactive, touch, absolute)
    redis.call('HSET', KEYS[1], '#a', str(now), '#d', str(d))
    expire(KEYS[1], d, tonumber(ARGV[4]))
    marked(KEYS[1])
  end
  return {now, accessed, redis.call('HGETALL', KEYS[1])}
elseif op == 'save' then
  -- KEYS[1] session, KEYS[2] index, KEYS[3] the key before changeSessionId (when ARGV[11] is set)
  -- ARGV[3] 'fields' to get {1, now, the session's fields} back instead of 1, [4] touch ms, [5] grace ms,
  -- [6] new|existing, [7] id, [8] created, [9] max inactive s ('' keeps the stored one), [10] absolute timeout ms (0: none), [11] old id or '',
  -- [12] count of field/value pairs, then the pairs, then the fields to delete
  local key = KEYS[1]
  local is_new = ARGV[6] == 'new'
  if ARGV[11] ~= '' then
    if not alive(KEYS[3]) then return 0 end
    if redis.call('EXISTS', key) == 1 then return -1 end
    redis.call('RENAME', KEYS[3], key)
    marked(KEYS[3])
    redis.call('ZREM', KEYS[2], ARGV[11])
  elseif is_new then
    if redis.call('EXISTS', key) == 1 then return -1 end
  elseif not alive(key) then
    return 0
  end
  local inactive = tonumber(ARGV[9])
  if ARGV[9] == '' then inactive = tonumber(redis.call('HGET', key, '#i') or '0') end
  local touch = touch_of(inactive, tonumber(ARGV[4]))
  local absolute = 0
  if is_new then
    if tonumber(ARGV[10]) > 0 then absolute = tonumber(ARGV[8]) + tonumber(ARGV[10]) end
    redis.call('HSET', key, '#c', ARGV[8], '#x', str(absolute))
  else
    absolute = tonumber(redis.call('HGET', key, '#x'))
  end
  local d = deadline_of(now, inactive, touch, absolute)
  redis.call('HSET', key, '#a', str(now), '#i', str(inactive), '#d', str(d))
  local i = 13
  for _ = 1, tonumber(ARGV[12]) do
    redis.call('HSET', key, ARGV[i], ARGV[i + 1])
    i = i + 2
  end
  while i <= #ARGV do
    redis.call('HDEL', key, ARGV[i])
    i = i + 1
  end
  -- the index holds the earliest time the session may have expired (later touches are found by the sweeper)
  redis.call('ZADD', KEYS[2], str(d), ARGV[7])
  expire(key, d, tonumber(ARGV[5]))
  marked(key)
  if ARGV[3] == 'fields' then return {1, now, redis.call('HGETALL', key)} end
  return 1
elseif op == 'delete' then
  -- KEYS[1] session, KEYS[2] index; ARGV[3] id
  local existed = redis.call('DEL', KEYS[1])
  if existed == 1 then marked(KEYS[1]) end
  redis.call('ZREM', KEYS[2], ARGV[3])
  return existed
elseif op == 'sweep' then
  -- KEYS[1] index of one shard; ARGV[3] the shard's session key prefix, ARGV[4] at most this many sessions.
  -- Atomic: each expired session is returned to exactly one caller, which fires its sessionDestroyed.
  local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now, 'LIMIT', 0, tonumber(ARGV[4]))
  local expired = {}
  for _, id in ipairs(due) do
    local key = ARGV[3] .. id
    local d = redis.call('HGET', key, '#d')
    if d and tonumber(d) > now then
      redis.call('ZADD', KEYS[1], d, id)
    else
      local fields = redis.call('HGETALL', key)
      if redis.call('DEL', key) == 1 then marked(key) end
      redis.call('ZREM', KEYS[1], id)
      table.insert(expired, id)
      table.insert(expired, fields)
    end
  end
  return expired
end
return redis.error_reply('ERR unknown session store operation')
