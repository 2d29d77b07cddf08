#include "switchyard/routing/function_catalog.h"

#include "switchyard/routing/lexer.h"

#include <initializer_list>

namespace switchyard::routing {
namespace {

// ---- MySQL and MariaDB ---------------------------------------------------------------------
// Built-ins that neither change data nor depend on one connection's state. Type names are
// listed too: they appear as "name(" in CAST(x AS DECIMAL(10,2)) and CONVERT(x, CHAR(10)).
constexpr std::string_view kMySqlReadOnly[] = {
    // numeric
    "abs", "acos", "asin", "atan", "atan2", "ceil", "ceiling", "conv", "cos", "cot", "crc32", "crc32c",
    "degrees", "exp", "floor", "ln", "log", "log10", "log2", "mod", "oct", "pi", "pow", "power",
    "radians", "rand", "round", "sign", "sin", "sqrt", "tan", "truncate",
    // string
    "ascii", "bin", "bit_length", "char", "char_length", "character_length", "chr", "concat",
    "concat_ws", "elt", "export_set", "field", "find_in_set", "format", "from_base64", "hex", "insert",
    "instr", "lcase", "left", "length", "lengthb", "locate", "lower", "lpad", "ltrim", "make_set", "mid",
    "octet_length", "ord", "position", "quote", "regexp_instr", "regexp_like", "regexp_replace",
    "regexp_substr", "repeat", "replace", "reverse", "right", "rpad", "rtrim", "soundex", "space",
    "strcmp", "substr", "substring", "substring_index", "to_base64", "to_char", "trim", "ucase",
    "unhex", "upper", "weight_string", "natural_sort_key", "sformat", "format_bytes",
    "format_pico_time", "to_number",
    // date and time
    "adddate", "addtime", "add_months", "convert_tz", "curdate", "current_date", "current_time",
    "current_timestamp", "curtime", "date", "date_add", "date_format", "date_sub", "datediff", "day",
    "dayname", "dayofmonth", "dayofweek", "dayofyear", "extract", "from_days", "from_unixtime",
    "get_format", "hour", "last_day", "localtime", "localtimestamp", "makedate", "maketime",
    "microsecond", "minute", "month", "monthname", "months_between", "now", "period_add",
    "period_diff", "quarter", "sec_to_time", "second", "str_to_date", "subdate", "subtime", "sysdate",
    "time", "time_format", "time_to_sec", "timediff", "timestamp", "timestampadd", "timestampdiff",
    "to_days", "to_seconds", "unix_timestamp", "utc_date", "utc_time", "utc_timestamp", "week",
    "weekday", "weekofyear", "year", "yearweek", "trunc",
    // casts, conditionals, types
    "cast", "convert", "binary", "if", "ifnull", "isnull", "nullif", "coalesce", "greatest", "least",
    "interval", "nvl", "nvl2", "decode_oracle", "varchar", "decimal", "dec", "numeric", "float",
    "double", "real", "int", "integer", "signed", "unsigned", "datetime", "varbinary", "json", "nchar",
    "bigint", "smallint", "tinyint", "mediumint", "bit", "row",
    // aggregates and window functions
    "avg", "bit_and", "bit_or", "bit_xor", "count", "group_concat", "json_arrayagg", "json_objectagg",
    "max", "min", "std", "stddev", "stddev_pop", "stddev_samp", "sum", "var_pop", "var_samp",
    "variance", "any_value", "grouping", "median", "percentile_cont", "percentile_disc", "cume_dist",
    "dense_rank", "first_value", "lag", "last_value", "lead", "nth_value", "ntile", "percent_rank",
    "rank", "row_number",
    // JSON
    "json_array", "json_array_append", "json_array_insert", "json_contains", "json_contains_path",
    "json_depth", "json_extract", "json_insert", "json_keys", "json_length", "json_merge",
    "json_merge_patch", "json_merge_preserve", "json_object", "json_overlaps", "json_pretty",
    "json_quote", "json_remove", "json_replace", "json_schema_valid", "json_schema_validation_report",
    "json_search", "json_set", "json_storage_free", "json_storage_size", "json_table", "json_type",
    "json_unquote", "json_valid", "json_value", "json_compact", "json_detailed", "json_loose",
    "json_exists", "json_query", "json_normalize", "json_equals", "json_object_filter_keys",
    "json_object_to_array", "json_array_intersect", "json_key_value", "member",
    // information that is the same on every server of a cluster
    "charset", "coercibility", "collation", "current_role", "current_user", "database", "schema",
    "user", "session_user", "system_user", "version", "icu_version", "benchmark", "sleep",
    // hashing, encryption, compression
    "aes_decrypt", "aes_encrypt", "compress", "des_decrypt", "des_encrypt", "encode", "decode",
    "encrypt", "md5", "old_password", "password", "random_bytes", "sha", "sha1", "sha2",
    "statement_digest", "statement_digest_text", "uncompress", "uncompressed_length",
    "validate_password_strength", "kdf",
    // miscellaneous
    "bit_count", "default", "inet_aton", "inet_ntoa", "inet6_aton", "inet6_ntoa", "is_ipv4",
    "is_ipv4_compat", "is_ipv4_mapped", "is_ipv6", "name_const", "uuid", "uuid_short", "uuid_to_bin",
    "bin_to_uuid", "is_uuid", "sys_guid", "uuid_v4", "uuid_v7", "match", "against", "column_create",
    "column_get", "column_list", "column_exists", "column_check", "column_json", "column_add",
    "column_delete", "vec_distance", "vec_distance_euclidean", "vec_distance_cosine", "vec_fromtext",
    "vec_totext",
    // spatial
    "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
    "geometrycollection", "st_area", "st_asbinary", "st_astext", "st_aswkb", "st_aswkt", "st_asgeojson",
    "st_buffer", "st_centroid", "st_contains", "st_convexhull", "st_crosses", "st_difference",
    "st_dimension", "st_disjoint", "st_distance", "st_distance_sphere", "st_endpoint", "st_envelope",
    "st_equals", "st_exteriorring", "st_geohash", "st_geomcollfromtext", "st_geometryfromtext",
    "st_geomfromgeojson", "st_geomfromtext", "st_geomfromwkb", "st_geometryn", "st_geometrytype",
    "st_interiorringn", "st_intersection", "st_intersects", "st_isclosed", "st_isempty", "st_issimple",
    "st_isvalid", "st_latfromgeohash", "st_latitude", "st_length", "st_linefromtext",
    "st_linefromwkb", "st_longfromgeohash", "st_longitude", "st_makeenvelope", "st_numgeometries",
    "st_numinteriorrings", "st_numpoints", "st_overlaps", "st_pointfromgeohash", "st_pointfromtext",
    "st_pointfromwkb", "st_pointn", "st_polyfromtext", "st_polyfromwkb", "st_relate", "st_simplify",
    "st_srid", "st_startpoint", "st_swapxy", "st_symdifference", "st_touches", "st_transform",
    "st_union", "st_validate", "st_within", "st_x", "st_y", "mbrcontains", "mbrcoveredby",
    "mbrcovers", "mbrdisjoint", "mbrequals", "mbrintersects", "mbroverlaps", "mbrtouches", "mbrwithin",
    "astext", "asbinary", "aswkt", "aswkb", "geomfromtext", "geomfromwkb", "x", "y",
};

// ---- PostgreSQL -----------------------------------------------------------------------------
constexpr std::string_view kPostgresReadOnly[] = {
    // math
    "abs", "cbrt", "ceil", "ceiling", "degrees", "div", "exp", "factorial", "floor", "gcd", "lcm",
    "ln", "log", "log10", "min_scale", "mod", "pi", "power", "radians", "round", "scale", "sign",
    "sqrt", "trim_scale", "trunc", "width_bucket", "random", "random_normal", "acos", "asin", "atan",
    "atan2", "cos", "cot", "sin", "tan", "acosd", "asind", "atand", "atan2d", "cosd", "cotd", "sind",
    "tand", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc",
    // strings
    "ascii", "bit_length", "btrim", "char_length", "character_length", "chr", "concat", "concat_ws",
    "convert", "convert_from", "convert_to", "decode", "encode", "format", "initcap", "left", "length",
    "lower", "lpad", "ltrim", "md5", "normalize", "octet_length", "overlay", "parse_ident", "position",
    "quote_ident", "quote_literal", "quote_nullable", "regexp_count", "regexp_instr", "regexp_like",
    "regexp_match", "regexp_matches", "regexp_replace", "regexp_split_to_array",
    "regexp_split_to_table", "regexp_substr", "repeat", "replace", "reverse", "right", "rpad", "rtrim",
    "split_part", "starts_with", "string_agg", "string_to_array", "string_to_table", "strpos",
    "substr", "substring", "to_ascii", "to_hex", "to_bin", "to_oct", "translate", "trim", "unistr",
    "upper", "sha224", "sha256", "sha384", "sha512", "get_bit", "get_byte", "set_bit", "set_byte",
    "bit_count", "crc32", "crc32c", "casefold", "to_char", "to_date", "to_number", "to_timestamp",
    // what LIKE ... ESCAPE and SIMILAR TO ... ESCAPE call, also callable by name
    "like_escape", "similar_escape", "similar_to_escape",
    // date and time
    "age", "clock_timestamp", "current_date", "current_time", "current_timestamp", "date_add",
    "date_bin", "date_part", "date_subtract", "date_trunc", "extract", "isfinite", "justify_days",
    "justify_hours", "justify_interval", "localtime", "localtimestamp", "make_date", "make_interval",
    "make_time", "make_timestamp", "make_timestamptz", "now", "statement_timestamp", "timeofday",
    "transaction_timestamp", "timezone", "pg_sleep", "pg_sleep_for", "pg_sleep_until",
    // conditionals, casts, types
    "coalesce", "nullif", "greatest", "least", "cast", "int", "integer", "bigint", "smallint",
    "numeric", "decimal", "real", "float", "float4", "float8", "varchar", "char", "character",
    "varying", "text", "bool", "boolean", "date", "time", "timestamp", "timestamptz", "timetz",
    "interval", "bytea", "uuid", "json", "jsonb", "xml", "inet", "cidr", "macaddr", "macaddr8", "bit",
    "varbit", "money", "oid", "regclass", "regproc", "regtype", "name", "tsvector", "tsquery", "int2",
    "int4", "int8", "bpchar", "daterange", "int4range", "int8range", "numrange", "tsrange",
    "tstzrange", "datemultirange", "int4multirange", "int8multirange", "nummultirange",
    "tsmultirange", "tstzmultirange", "precision",
    // aggregates and window functions
    "array_agg", "avg", "bit_and", "bit_or", "bit_xor", "bool_and", "bool_or", "count", "every",
    "json_agg", "jsonb_agg", "json_agg_strict", "jsonb_agg_strict", "json_object_agg",
    "jsonb_object_agg", "json_objectagg", "json_arrayagg", "max", "min", "range_agg",
    "range_intersect_agg", "sum", "xmlagg", "corr", "covar_pop", "covar_samp", "regr_avgx",
    "regr_avgy", "regr_count", "regr_intercept", "regr_r2", "regr_slope", "regr_sxx", "regr_sxy",
    "regr_syy", "stddev", "stddev_pop", "stddev_samp", "variance", "var_pop", "var_samp", "mode",
    "percentile_cont", "percentile_disc", "rank", "dense_rank", "percent_rank", "cume_dist",
    "grouping", "any_value", "row_number", "ntile", "lag", "lead", "first_value", "last_value",
    "nth_value",
    // arrays and set-returning functions
    "array_append", "array_cat", "array_dims", "array_fill", "array_length", "array_lower",
    "array_ndims", "array_position", "array_positions", "array_prepend", "array_remove",
    "array_replace", "array_to_string", "array_upper", "cardinality", "trim_array", "unnest",
    "array_sample", "array_shuffle", "array_reverse", "array_sort", "generate_series",
    "generate_subscripts",
    // JSON
    "to_json", "to_jsonb", "array_to_json", "row_to_json", "json_build_array", "jsonb_build_array",
    "json_build_object", "jsonb_build_object", "json_object", "jsonb_object", "json_array",
    "json_array_elements", "jsonb_array_elements", "json_array_elements_text",
    "jsonb_array_elements_text", "json_array_length", "jsonb_array_length", "json_each", "jsonb_each",
    "json_each_text", "jsonb_each_text", "json_extract_path", "jsonb_extract_path",
    "json_extract_path_text", "jsonb_extract_path_text", "json_object_keys", "jsonb_object_keys",
    "json_populate_record", "jsonb_populate_record", "jsonb_populate_record_valid",
    "json_populate_recordset", "jsonb_populate_recordset", "json_to_record", "jsonb_to_record",
    "json_to_recordset", "jsonb_to_recordset", "json_strip_nulls", "jsonb_strip_nulls", "jsonb_set",
    "jsonb_set_lax", "jsonb_insert", "jsonb_pretty", "json_typeof", "jsonb_typeof",
    "jsonb_path_exists", "jsonb_path_match", "jsonb_path_query", "jsonb_path_query_array",
    "jsonb_path_query_first", "jsonb_path_exists_tz", "jsonb_path_match_tz", "jsonb_path_query_tz",
    "jsonb_path_query_array_tz", "jsonb_path_query_first_tz", "json_scalar", "json_serialize",
    "json_exists", "json_query", "json_value", "json_table",
    // catalog and session information (same answer on every server)
    "current_catalog", "current_database", "current_query", "current_role", "current_schema",
    "current_schemas", "current_user", "session_user", "system_user", "user", "version",
    "current_setting", "pg_my_temp_schema", "pg_is_other_temp_schema", "pg_jit_available",
    "pg_trigger_depth", "pg_conf_load_time", "pg_postmaster_start_time", "pg_client_encoding",
    "pg_encoding_to_char", "pg_char_to_encoding", "has_any_column_privilege", "has_column_privilege",
    "has_database_privilege", "has_foreign_data_wrapper_privilege", "has_function_privilege",
    "has_language_privilege", "has_parameter_privilege", "has_schema_privilege",
    "has_sequence_privilege", "has_server_privilege", "has_table_privilege",
    "has_tablespace_privilege", "has_type_privilege", "pg_has_role", "row_security_active",
    "pg_collation_is_visible", "pg_conversion_is_visible", "pg_function_is_visible",
    "pg_opclass_is_visible", "pg_operator_is_visible", "pg_opfamily_is_visible",
    "pg_statistics_obj_is_visible", "pg_table_is_visible", "pg_ts_config_is_visible",
    "pg_ts_dict_is_visible", "pg_ts_parser_is_visible", "pg_ts_template_is_visible",
    "pg_type_is_visible", "format_type", "pg_get_constraintdef", "pg_get_expr",
    "pg_get_functiondef", "pg_get_function_arguments", "pg_get_function_identity_arguments",
    "pg_get_function_result", "pg_get_indexdef", "pg_get_keywords", "pg_get_ruledef",
    "pg_get_serial_sequence", "pg_get_statisticsobjdef", "pg_get_triggerdef", "pg_get_userbyid",
    "pg_get_viewdef", "pg_index_column_has_property", "pg_index_has_property",
    "pg_indexam_has_property", "pg_options_to_table", "pg_settings_get_flags",
    "pg_tablespace_databases", "pg_tablespace_location", "pg_typeof", "collation_for",
    "to_regclass", "to_regcollation", "to_regnamespace", "to_regoper", "to_regoperator",
    "to_regproc", "to_regprocedure", "to_regrole", "to_regtype", "to_regtypemod",
    "pg_describe_object", "pg_identify_object", "pg_identify_object_as_address",
    "pg_get_object_address", "col_description", "obj_description", "shobj_description",
    "pg_input_is_valid", "pg_input_error_info", "pg_column_size", "pg_column_compression",
    "pg_database_size", "pg_indexes_size", "pg_relation_size", "pg_size_bytes", "pg_size_pretty",
    "pg_table_size", "pg_tablespace_size", "pg_total_relation_size", "pg_relation_filenode",
    "pg_relation_filepath", "pg_filenode_relation", "pg_visible_in_snapshot", "pg_snapshot_xip",
    "pg_snapshot_xmax", "pg_snapshot_xmin", "txid_snapshot_xip", "txid_snapshot_xmax",
    "txid_snapshot_xmin", "txid_visible_in_snapshot", "txid_status", "pg_xact_status",
    "pg_xact_commit_timestamp", "pg_get_wal_resource_managers", "pg_wal_lsn_diff", "age", "mxid_age",
    "num_nonnulls", "num_nulls", "gen_random_uuid", "uuidv4", "uuidv7", "uuid_extract_timestamp",
    "uuid_extract_version", "enum_first", "enum_last", "enum_range",
    // text search
    "to_tsvector", "to_tsquery", "plainto_tsquery", "phraseto_tsquery", "websearch_to_tsquery",
    "ts_rank", "ts_rank_cd", "ts_headline", "setweight", "strip", "tsvector_to_array",
    "array_to_tsvector", "ts_debug", "ts_lexize", "ts_parse", "ts_token_type", "numnode", "querytree",
    "ts_rewrite", "ts_filter", "ts_delete", "get_current_ts_config",
    // geometry, network, ranges
    "area", "center", "diameter", "height", "isclosed", "isopen", "npoints", "pclose", "popen",
    "radius", "slope", "width", "box", "bound_box", "circle", "line", "lseg", "path", "point",
    "polygon", "abbrev", "broadcast", "family", "host", "hostmask", "inet_merge", "inet_same_family",
    "masklen", "netmask", "network", "set_masklen", "macaddr8_set7bit", "lower_inc", "upper_inc",
    "lower_inf", "upper_inf", "isempty", "range_merge", "multirange",
    // XML
    "xmlcomment", "xmlconcat", "xmlelement", "xmlforest", "xmlpi", "xmlroot", "xmlexists",
    "xml_is_well_formed", "xml_is_well_formed_document", "xml_is_well_formed_content", "xpath",
    "xpath_exists", "xmltable", "xmlparse", "xmlserialize", "xmltext", "xmlattributes",
    "table_to_xml", "table_to_xmlschema", "table_to_xml_and_xmlschema",
    // TABLESAMPLE methods
    "bernoulli", "system", "system_rows", "system_time",
};

struct Special
{
    std::string_view name;
    FunctionClass cls;
};

constexpr Special kMySqlSpecial[] = {
    {"last_insert_id", FunctionClass::PrimaryOnly},
    {"found_rows", FunctionClass::RelatesToPrevious},
    {"row_count", FunctionClass::RelatesToPrevious},
    {"get_lock", FunctionClass::NamedLock},
    {"release_lock", FunctionClass::NamedUnlock},
    {"is_free_lock", FunctionClass::NamedUnlock},
    {"is_used_lock", FunctionClass::NamedUnlock},
    {"release_all_locks", FunctionClass::NamedUnlockAll},
    {"nextval", FunctionClass::Sequence},
    {"setval", FunctionClass::Sequence},
    {"lastval", FunctionClass::Sequence},
    {"connection_id", FunctionClass::ServerSpecific},
    {"master_pos_wait", FunctionClass::ServerSpecific},
    {"source_pos_wait", FunctionClass::ServerSpecific},
    {"master_gtid_wait", FunctionClass::ServerSpecific},
    {"wait_for_executed_gtid_set", FunctionClass::ServerSpecific},
    {"wait_until_sql_thread_after_gtids", FunctionClass::ServerSpecific},
    {"ps_current_thread_id", FunctionClass::ServerSpecific},
    {"ps_thread_id", FunctionClass::ServerSpecific},
    {"load_file", FunctionClass::ServerSpecific},
};

constexpr Special kPostgresSpecial[] = {
    {"nextval", FunctionClass::Sequence},
    {"setval", FunctionClass::Sequence},
    {"currval", FunctionClass::PrimaryOnly},
    {"lastval", FunctionClass::PrimaryOnly},
    {"pg_current_wal_lsn", FunctionClass::PrimaryOnly},
    {"pg_current_wal_insert_lsn", FunctionClass::PrimaryOnly},
    {"pg_current_wal_flush_lsn", FunctionClass::PrimaryOnly},
    {"txid_current", FunctionClass::PrimaryOnly},
    {"txid_current_if_assigned", FunctionClass::PrimaryOnly},
    {"pg_current_xact_id", FunctionClass::PrimaryOnly},
    {"pg_current_xact_id_if_assigned", FunctionClass::PrimaryOnly},
    {"pg_advisory_lock", FunctionClass::NamedLock},
    {"pg_advisory_lock_shared", FunctionClass::NamedLock},
    {"pg_try_advisory_lock", FunctionClass::NamedLock},
    {"pg_try_advisory_lock_shared", FunctionClass::NamedLock},
    {"pg_advisory_xact_lock", FunctionClass::NamedLockXact},
    {"pg_advisory_xact_lock_shared", FunctionClass::NamedLockXact},
    {"pg_try_advisory_xact_lock", FunctionClass::NamedLockXact},
    {"pg_try_advisory_xact_lock_shared", FunctionClass::NamedLockXact},
    {"pg_advisory_unlock", FunctionClass::NamedUnlock},
    {"pg_advisory_unlock_shared", FunctionClass::NamedUnlock},
    {"pg_advisory_unlock_all", FunctionClass::NamedUnlockAll},
    {"set_config", FunctionClass::SessionSetter},
    {"pg_notify", FunctionClass::Notify},
    {"pg_is_in_recovery", FunctionClass::ServerSpecific},
    {"pg_last_wal_receive_lsn", FunctionClass::ServerSpecific},
    {"pg_last_wal_replay_lsn", FunctionClass::ServerSpecific},
    {"pg_last_xact_replay_timestamp", FunctionClass::ServerSpecific},
    {"pg_is_wal_replay_paused", FunctionClass::ServerSpecific},
    {"pg_get_wal_replay_pause_state", FunctionClass::ServerSpecific},
    {"pg_backend_pid", FunctionClass::ServerSpecific},
    {"pg_blocking_pids", FunctionClass::ServerSpecific},
    {"pg_safe_snapshot_blocking_pids", FunctionClass::ServerSpecific},
    {"pg_listening_channels", FunctionClass::ServerSpecific},
    {"pg_notification_queue_usage", FunctionClass::ServerSpecific},
    {"pg_current_snapshot", FunctionClass::ServerSpecific},
    {"txid_current_snapshot", FunctionClass::ServerSpecific},
    {"pg_export_snapshot", FunctionClass::ServerSpecific},
    {"pg_walfile_name", FunctionClass::ServerSpecific},
    {"pg_walfile_name_offset", FunctionClass::ServerSpecific},
    {"inet_client_addr", FunctionClass::ServerSpecific},
    {"inet_client_port", FunctionClass::ServerSpecific},
    {"inet_server_addr", FunctionClass::ServerSpecific},
    {"inet_server_port", FunctionClass::ServerSpecific},
    {"pg_current_logfile", FunctionClass::ServerSpecific},
    {"pg_read_file", FunctionClass::ServerSpecific},
    {"pg_read_binary_file", FunctionClass::ServerSpecific},
    {"pg_stat_file", FunctionClass::ServerSpecific},
    {"pg_ls_dir", FunctionClass::ServerSpecific},
    {"pg_control_checkpoint", FunctionClass::ServerSpecific},
    {"pg_control_system", FunctionClass::ServerSpecific},
    {"pg_control_init", FunctionClass::ServerSpecific},
    {"pg_control_recovery", FunctionClass::ServerSpecific},
    {"setseed", FunctionClass::ServerSpecific},
};

std::string lowered(std::string_view s)
{
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c + 32);
    return out;
}

} // namespace

std::string_view functionClassName(FunctionClass c)
{
    switch (c) {
    case FunctionClass::Unknown: return "unknown";
    case FunctionClass::ReadOnly: return "read_only";
    case FunctionClass::Write: return "write";
    case FunctionClass::Sequence: return "sequence";
    case FunctionClass::PrimaryOnly: return "primary_only";
    case FunctionClass::NamedLock: return "named_lock";
    case FunctionClass::NamedLockXact: return "named_lock_xact";
    case FunctionClass::NamedUnlock: return "named_unlock";
    case FunctionClass::NamedUnlockAll: return "named_unlock_all";
    case FunctionClass::RelatesToPrevious: return "relates_to_previous";
    case FunctionClass::SessionSetter: return "session_setter";
    case FunctionClass::Notify: return "notify";
    case FunctionClass::ServerSpecific: return "server_specific";
    }
    return "unknown";
}

FunctionCatalog FunctionCatalog::defaults(Dialect dialect)
{
    FunctionCatalog cat;
    cat.rehash(2048);
    if (dialect == Dialect::PostgreSQL) {
        for (std::string_view n : kPostgresReadOnly)
            cat.set(n, FunctionClass::ReadOnly);
        for (const Special &s : kPostgresSpecial)
            cat.set(s.name, s.cls);
    } else {
        for (std::string_view n : kMySqlReadOnly)
            cat.set(n, FunctionClass::ReadOnly);
        for (const Special &s : kMySqlSpecial)
            cat.set(s.name, s.cls);
        if (dialect == Dialect::MySQL) {
            // MariaDB-only names mean nothing to MySQL; an unknown name is a user function there.
            for (std::string_view n : {"nextval", "setval", "lastval", "nvl", "nvl2", "decode_oracle",
                                       "add_months", "months_between", "sys_guid", "to_char", "chr",
                                       "lengthb", "natural_sort_key", "sformat", "column_create",
                                       "column_get", "column_list", "column_exists", "column_check",
                                       "column_json", "column_add", "column_delete", "kdf", "uuid_v4",
                                       "uuid_v7", "vec_distance", "vec_distance_euclidean",
                                       "vec_distance_cosine", "vec_fromtext", "vec_totext", "to_number",
                                       "median", "json_compact", "json_detailed", "json_loose",
                                       "json_exists", "json_query", "json_normalize", "json_equals",
                                       "json_object_filter_keys", "json_object_to_array",
                                       "json_array_intersect", "json_key_value", "crc32c", "trunc",
                                       "master_gtid_wait", "decode"})
                cat.remove(n);
        }
    }
    return cat;
}

void FunctionCatalog::rehash(std::size_t buckets)
{
    std::vector<Entry> old = std::move(m_table);
    m_table.assign(buckets, Entry{});
    m_count = 0;
    for (Entry &e : old)
        if (e.used) {
            std::size_t slot = e.hash & (m_table.size() - 1);
            while (m_table[slot].used)
                slot = (slot + 1) & (m_table.size() - 1);
            m_table[slot] = std::move(e);
            ++m_count;
        }
}

void FunctionCatalog::set(std::string_view name, FunctionClass cls)
{
    if (m_table.empty())
        rehash(256);
    std::string key = lowered(name);
    const std::uint32_t h = foldHash(key);
    if (Entry *e = const_cast<Entry *>(find(key, h, true))) {
        e->cls = cls;
        return;
    }
    if ((m_count + 1) * 2 > m_table.size())
        rehash(m_table.size() * 2);
    std::size_t slot = h & (m_table.size() - 1);
    while (m_table[slot].used)
        slot = (slot + 1) & (m_table.size() - 1);
    m_table[slot].name = std::move(key);
    m_table[slot].hash = h;
    m_table[slot].cls = cls;
    m_table[slot].used = true;
    ++m_count;
}

void FunctionCatalog::remove(std::string_view name)
{
    // A tombstone: the entry stays (so probing still works) but no longer says anything.
    std::string key = lowered(name);
    if (Entry *e = const_cast<Entry *>(find(key, foldHash(key), true)))
        e->cls = FunctionClass::Unknown;
}

const FunctionCatalog::Entry *FunctionCatalog::find(std::string_view name, std::uint32_t hash, bool exact) const
{
    if (m_table.empty())
        return nullptr;
    std::size_t slot = hash & (m_table.size() - 1);
    for (;;) {
        const Entry &e = m_table[slot];
        if (!e.used)
            return nullptr;
        if (e.hash == hash && (exact ? e.name == name : equalsIgnoreCase(e.name, name)))
            return &e;
        slot = (slot + 1) & (m_table.size() - 1);
    }
}

FunctionClass FunctionCatalog::lookup(std::string_view name, std::uint32_t hash) const
{
    const Entry *e = find(name, hash, false);
    return e ? e->cls : FunctionClass::Unknown;
}

FunctionClass FunctionCatalog::lookup(std::string_view name) const
{
    return lookup(name, foldHash(name));
}

FunctionClass FunctionCatalog::lookupExact(std::string_view name, std::uint32_t hash) const
{
    const Entry *e = find(name, hash, true);
    return e ? e->cls : FunctionClass::Unknown;
}

} // namespace switchyard::routing
