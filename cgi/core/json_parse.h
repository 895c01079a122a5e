/* A small strict JSON parser (RFC 8259) for the API: the whole text
 * becomes a tree of json_value nodes in an arena. Strict means: exactly
 * one value with optional white space around it (no trailing garbage,
 * no BOM, no comments), strings of valid UTF-8 with \u escapes (surrogate
 * pairs joined, lone surrogates refused), no duplicate keys in an object,
 * and hard limits on size, depth and members, so a hostile body costs a
 * bounded amount of memory and time. */
#ifndef SL_JSON_PARSE_H
#define SL_JSON_PARSE_H

#include <stddef.h>

struct arena;

#define JSON_MAX_BYTES   (1024u * 1024u)   /* input size */
#define JSON_MAX_DEPTH   32                /* nested arrays/objects */
#define JSON_MAX_MEMBERS 256               /* members of one object, items of one array */
#define JSON_MAX_NODES   65536             /* values in one document */

enum json_type {
	JSON_NULL = 0,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
	JSON_TYPE__MAX
};

enum json_err {
	JSON_OK = 0,
	JSON_ERR_SYNTAX,      /* not JSON at this offset */
	JSON_ERR_UTF8,        /* invalid UTF-8, or an escape that is no character */
	JSON_ERR_DUP_KEY,     /* the same key twice in one object */
	JSON_ERR_TRAILING,    /* something after the value */
	JSON_ERR_DEPTH,       /* nested deeper than JSON_MAX_DEPTH */
	JSON_ERR_TOO_LARGE,   /* input longer than the byte limit */
	JSON_ERR_TOO_MANY,    /* more items, members or nodes than the limits */
	JSON_ERR__MAX
};

struct json_member;

/* A value. Strings (and member keys) are NUL-terminated UTF-8 of len
 * bytes; they may contain NUL (from \u0000): compare len with strlen()
 * when that matters. Numbers keep their text (exactly as written) and a
 * double; arrays have items[n], objects members[n] in document order. */
struct json_value {
	enum json_type            type;
	const char               *str;      /* JSON_STRING: text; JSON_NUMBER: as written */
	size_t                    len;      /* bytes of str */
	double                    num;      /* JSON_NUMBER */
	size_t                    n;        /* JSON_ARRAY items / JSON_OBJECT members */
	const struct json_value **items;
	const struct json_member *members;
};

struct json_member {
	const char              *key;
	size_t                   key_len;
	const struct json_value *value;
};

/* Parse text[0..len) (need not be NUL-terminated) into *out; every node
 * and string lives in the arena. On error *out is NULL and *err_off (if
 * not NULL) is the byte offset where the problem was found. Limits:
 * the JSON_MAX_* above. */
enum json_err json_parse(struct arena *, const char *text, size_t len,
	    const struct json_value **out, size_t *err_off);

/* Limits of one parse. A route that takes a long list (the points of an
 * external metric) raises its own limits for its own call; every other
 * caller keeps the defaults of json_parse(). Depth stays JSON_MAX_DEPTH. */
struct json_limits {
	size_t max_bytes;       /* input size */
	size_t max_items;       /* items of one array */
	size_t max_members;     /* members of one object */
	size_t max_nodes;       /* values in the document */
};
extern const struct json_limits json_default_limits;
enum json_err json_parse_limits(struct arena *, const char *text, size_t len,
	    const struct json_limits *, const struct json_value **out, size_t *err_off);

/* Short English description of an error ("duplicate key"). */
const char   *json_err_str(enum json_err);

/* Member key of object v, or NULL when v is no object or has no such key
 * (keys with an embedded NUL never match). */
const struct json_value *json_get(const struct json_value *v, const char *key);

/* An integer number in [min, max] written without fraction or exponent
 * ("42", "-7"); 0 and *out set, or -1. */
int	json_int(const struct json_value *v, long long min, long long max, long long *out);

/* The type name as in JSON ("null", "string", "object" ...). */
const char   *json_type_name(enum json_type);

#endif
