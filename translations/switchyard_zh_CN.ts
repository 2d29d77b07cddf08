<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>Switchyard</name>
    <message>
        <location filename="../app/cli/cli_common.cpp" line="39"/>
        <source>Show this help and exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cli_common.cpp" line="42"/>
        <source> (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cli_common.cpp" line="123"/>
        <source>Password of %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="91"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="109"/>
        <location filename="../ui/src/operation_wizard.cpp" line="91"/>
        <location filename="../ui/src/topology_view.cpp" line="108"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="93"/>
        <source>partly running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="94"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="109"/>
        <location filename="../ui/src/topology_view.cpp" line="112"/>
        <location filename="../ui/src/topology_view.cpp" line="836"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="100"/>
        <source>NODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="100"/>
        <source>ADDRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="101"/>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="101"/>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="102"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="327"/>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="102"/>
        <source>DATA DIRECTORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="117"/>
        <source>Accounts (from %1/credentials):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="123"/>
        <source>monitor (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="124"/>
        <source>admin (topology changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="125"/>
        <source>replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="126"/>
        <source>application (database %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="142"/>
        <source>unexpected argument &quot;%1&quot; (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="150"/>
        <source>Directory that holds the sandboxes (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="82"/>
        <source>checksum and repair run on MariaDB/MySQL profiles; PostgreSQL node pairs are compared from the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="104"/>
        <source>no reachable primary in profile &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="136"/>
        <source>no reachable replica named %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="140"/>
        <source>no reachable replica to compare with</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="204"/>
        <source>Primary %1; replicas %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="229"/>
        <source>
Differences:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="231"/>
        <source>  %1.%2 chunk %3 on %4: %5 %6 %7 .. %8; primary %9 rows, replica %10 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="242"/>
        <source>
SKIPPED - NOT CHECKED (%1 tables):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="248"/>
        <source>
%1 rows in %2 s (%3 rows/s)%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="252"/>
        <source>; cancelled, --resume continues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="258"/>
        <source>Row hash: crc32 (default, like pt-table-checksum) or md5.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="260"/>
        <source>Round FLOAT/DOUBLE to N decimals before hashing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="262"/>
        <source>Target seconds per chunk (default 0.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="264"/>
        <source>Pause while a replica lags more (default 1 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="267"/>
        <source>Pause while the primary&apos;s Threads_running is higher (default 25).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="269"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="158"/>
        <location filename="../app/cli/cmd_topology.cpp" line="26"/>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="277"/>
        <source>--hash takes crc32 or md5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="285"/>
        <source>--float-precision takes 0 to 30</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="295"/>
        <source>--chunk-time, --max-lag and --max-threads-running take non-negative numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="299"/>
        <location filename="../app/cli/operation_cli.cpp" line="251"/>
        <source>--profile NAME is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="311"/>
        <source>Checksum tables chunk by chunk on the primary and every replica (each replica computes its own at the same point of the replication stream; cascaded replicas are computed on the replica) and report the chunks that differ. Exit status 0: all match; 3: differences; 1: errors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="315"/>
        <source>Only these databases (comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="316"/>
        <source>Only these tables, DB.T (comma-separated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="317"/>
        <source>Only these replicas, by name or host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="318"/>
        <source>Continue the last (interrupted) run from its last finished chunk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="346"/>
        <source>Checksum one table, find the differing rows of each differing chunk and print (--print, the default) or run (--execute) the repair statements, then re-verify. By default they run on the primary with statement-based logging and replicate to EVERY replica (like pt-table-sync --replicate); --on-replica runs them on the replica alone with binary logging off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="351"/>
        <source>The table, DB.T.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="352"/>
        <source>Only this replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="353"/>
        <source>Print the statements (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="354"/>
        <source>Run the statements, then re-verify the chunks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="355"/>
        <source>Run on the replica alone with sql_log_bin=0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="366"/>
        <source>--table DB.T is required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="368"/>
        <source>give --print or --execute, not both</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="382"/>
        <source>table %1 not found on the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="385"/>
        <source>%1 is skipped: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="508"/>
        <source>-- re-verified %1 on %2, %3 .. %4: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="510"/>
        <source>match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="510"/>
        <source>STILL DIFFERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="521"/>
        <source>-- %1: no differences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="165"/>
        <source>Name of the sandbox (default: the engine&apos;s name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="167"/>
        <source>Name of the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="184"/>
        <source>Create and start a local sandbox cluster on 127.0.0.1, start it again when it is stopped, or report it when it runs. Registers a cluster profile with the sandbox&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="187"/>
        <source>mariadb or postgres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="190"/>
        <source>Number of replicas (default: MariaDB 2, PostgreSQL 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="194"/>
        <source>Port of the primary; replicas use the next ones (default: MariaDB 23306, PostgreSQL 25432).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="207"/>
        <source>--engine takes mariadb or postgres, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="214"/>
        <source>--engine is required to create sandbox &quot;%1&quot; (mariadb or postgres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="219"/>
        <source>--engine is required (mariadb or postgres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="226"/>
        <source>--replicas takes a number of replicas, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="233"/>
        <source>--base-port takes a port number, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="246"/>
        <source>sandbox &quot;%1&quot; is up, but its profile could not be registered: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="260"/>
        <source>%1 sandbox &quot;%2&quot; is already running; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="263"/>
        <source>%1 sandbox &quot;%2&quot; started again in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="266"/>
        <source>%1 sandbox &quot;%2&quot; created and started in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="269"/>
        <source>Profile &quot;%1&quot; is registered: switchyard --profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="272"/>
        <source>Credentials: switchyard-cli sandbox status --name %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="279"/>
        <source>Show a sandbox: its nodes (address, role, pid, data directory, running or not) and its accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="286"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="351"/>
        <source>--name is required (see switchyard-cli sandbox list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="295"/>
        <source>%1 sandbox &quot;%2&quot; in %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="305"/>
        <source>List the sandboxes in a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="322"/>
        <source>No sandboxes in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="326"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="326"/>
        <source>ENGINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="327"/>
        <location filename="../ui/src/snapshot_json.cpp" line="152"/>
        <source>NODES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="343"/>
        <source>Stop a sandbox&apos;s servers and remove all its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="344"/>
        <source>Stop exactly the servers a sandbox started and wait until they have exited; the data stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="356"/>
        <source>Sandbox &quot;%1&quot; stopped and removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="357"/>
        <source>Sandbox &quot;%1&quot; stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="363"/>
        <source>Usage: %1 &lt;up|status|list|down|destroy&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="366"/>
        <source>Local sandbox clusters on 127.0.0.1: a MariaDB primary with GTID replicas, or a PostgreSQL primary with streaming standbys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="369"/>
        <source>  up       create, start again, or report a running sandbox; registers a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="370"/>
        <source>  status   nodes, roles, pids, data directories and accounts of a sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="371"/>
        <source>  list     the sandboxes in a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="372"/>
        <source>  down     stop a sandbox&apos;s servers (the data stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="373"/>
        <source>  destroy  stop a sandbox and remove its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="375"/>
        <source>Run &apos;%1 &lt;subcommand&gt; --help&apos; for its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="385"/>
        <source>sandbox needs a subcommand: up, status, list, down or destroy (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="404"/>
        <source>unknown sandbox subcommand &quot;%1&quot; (up, status, list, down, destroy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="17"/>
        <source>Discover the replication topology from a profile or one seed node and print its nodes, replication edges and problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_checksum.cpp" line="257"/>
        <location filename="../app/cli/cmd_topology.cpp" line="19"/>
        <source>Saved profile to use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="20"/>
        <source>mysql, mariadb or postgres (without --profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="22"/>
        <source>Seed host (without --profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="24"/>
        <source>Seed port (without --profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="25"/>
        <source>Monitor user (without --profile).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="27"/>
        <source>Connect and read timeout per node (default 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="37"/>
        <location filename="../app/cli/operation_cli.cpp" line="256"/>
        <source>--timeout-ms takes a positive number of milliseconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="57"/>
        <source>give --profile NAME, or --engine, --port and --user (and --host)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="60"/>
        <source>--engine takes mysql, mariadb or postgres, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="64"/>
        <source>--port takes a number from 1 to 65535, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="65"/>
        <source>Password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/main.cpp" line="71"/>
        <source>unknown command &quot;%1&quot; (see switchyard-cli --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="61"/>
        <source>Desktop console for MySQL/MariaDB and PostgreSQL replication clusters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="65"/>
        <source>Deploy or reuse a local sandbox cluster (mariadb or postgres) and open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="67"/>
        <source>Name of the sandbox (default: the engine).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="69"/>
        <source>Directory that holds sandboxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="71"/>
        <source>Open the saved cluster profile NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="74"/>
        <source>Render the main window to a PNG once the first data has arrived, then exit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="77"/>
        <source>Seconds to wait for data before taking the screenshot anyway (default 60).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/credential_resolver.cpp" line="15"/>
        <source>Cannot read the credentials of sandbox &quot;%1&quot;: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/credential_resolver.cpp" line="26"/>
        <source>Sandbox &quot;%1&quot; has no account named &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/credential_resolver.cpp" line="51"/>
        <source>No keychain is configured</source>
        <translation>未配置钥匙串</translation>
    </message>
    <message>
        <location filename="../ui/src/credential_resolver.cpp" line="64"/>
        <source>No password for %1 is stored in the keychain for profile &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/credential_resolver.cpp" line="69"/>
        <source>No keychain is available (%1), so the password cannot be remembered and is asked for each time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/credential_resolver.cpp" line="74"/>
        <source>The keychain failed: %1</source>
        <translation>钥匙串出错：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="53"/>
        <location filename="../ui/src/profile_dialog.cpp" line="57"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="53"/>
        <location filename="../ui/src/profile_dialog.cpp" line="56"/>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="69"/>
        <source>The sandbox &quot;%1&quot; is running, but its profile could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="73"/>
        <source>Sandbox &quot;%1&quot; was already running</source>
        <translation>沙箱“%1”已在运行</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="74"/>
        <source>Sandbox &quot;%1&quot; restarted</source>
        <translation>沙箱“%1”已重新启动</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="75"/>
        <source>Sandbox &quot;%1&quot; deployed in %2 s</source>
        <translation>沙箱“%1”已在 %2 秒内部署</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="84"/>
        <source>Could not start the sandbox: %1</source>
        <translation>无法启动沙箱：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="95"/>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="98"/>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="99"/>
        <source>&amp;New profile…</source>
        <translation>新建配置(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="100"/>
        <source>&amp;Import profile…</source>
        <translation>导入配置(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="101"/>
        <source>&amp;Reload profiles</source>
        <translation>重新加载配置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="102"/>
        <source>Start &amp;MariaDB sandbox</source>
        <translation>启动 &amp;MariaDB 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="103"/>
        <source>Start &amp;PostgreSQL sandbox</source>
        <translation>启动 &amp;PostgreSQL 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="105"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="107"/>
        <source>&amp;Operations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="108"/>
        <source>Planned &amp;switchover…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="109"/>
        <source>&amp;Failover (primary down)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="111"/>
        <source>Table &amp;checksum and repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="117"/>
        <source>Clusters</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="128"/>
        <location filename="../ui/src/main_window.cpp" line="143"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="129"/>
        <location filename="../ui/src/main_window.cpp" line="151"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="144"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="145"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="146"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="148"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="152"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="166"/>
        <source>&lt;h2&gt;Switchyard&lt;/h2&gt;&lt;p&gt;Open a cluster profile on the left, or start a local sandbox cluster to try the console.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="173"/>
        <source>Start MariaDB sandbox</source>
        <translation>启动 MariaDB 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="174"/>
        <source>Start PostgreSQL sandbox</source>
        <translation>启动 PostgreSQL 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="201"/>
        <source>Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="202"/>
        <source>Charts and events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="205"/>
        <source>Routing preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="216"/>
        <source>The notification setting was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="245"/>
        <source>No cluster open</source>
        <translation>未打开集群</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/main_window.cpp" line="262"/>
        <source>%1 · %n seed node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="272"/>
        <source>Skipped %1: it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="301"/>
        <source>%1 · monitor user %2 · polling every %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="309"/>
        <source>Looking up credentials…</source>
        <translation>正在查找凭据…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="330"/>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="332"/>
        <source>%1.

Enter the password of %2 for cluster &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="337"/>
        <source>Remember in the system keychain</source>
        <translation>保存到系统钥匙串</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="348"/>
        <source>Not connected to &quot;%1&quot;: no password given</source>
        <translation>未连接到“%1”：未提供密码</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="357"/>
        <source>The password could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/main_window.cpp" line="379"/>
        <source>Connecting to %n node(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="402"/>
        <source>Round %1 · %2 of %3 nodes answered · %4</source>
        <translation>第 %1 轮 · %3 个节点中 %2 个已响应 · %4</translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="73"/>
        <source>Route SQL statements as the embedded router would. Reads JSON Lines from stdin, one object per statement: {&quot;session&quot;: ID, &quot;sql&quot;: TEXT}; writes one JSON line per input line with the target, the node, the statement kind and the reasons.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="76"/>
        <source>mysql, mariadb or postgres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="79"/>
        <source>Server version for executable comments, e.g. 8.0.36 or 10.11.6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="82"/>
        <source>round-robin (default), weighted, least-connections or ewma.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="86"/>
        <source>strong, read-your-writes, session-window:MS, bounded-staleness:SECONDS or eventual (default).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="90"/>
        <source>Topology JSON file (see docs/routing.md). Default: one primary and two healthy replicas, no lag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="94"/>
        <source>After the output, route the whole input N more times and print statements per second and ns per statement on stderr.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="101"/>
        <source>route takes no arguments; statements come on stdin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="105"/>
        <source>--dialect is required (mysql, mariadb or postgres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="108"/>
        <source>--dialect takes mysql, mariadb or postgres, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="114"/>
        <source>--server-version takes a version like 8.0.36, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="119"/>
        <source>--policy takes round-robin, weighted, least-connections or ewma, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="125"/>
        <source>--consistency takes strong, read-your-writes, session-window:MS, bounded-staleness:SECONDS or eventual, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="135"/>
        <source>--repeat takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="142"/>
        <source>cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="146"/>
        <source>%1: not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="149"/>
        <location filename="../ui/src/event_text.cpp" line="92"/>
        <location filename="../ui/src/main_window.cpp" line="410"/>
        <location filename="../ui/src/monitoring_view.cpp" line="461"/>
        <location filename="../ui/src/operation_journal.cpp" line="453"/>
        <location filename="../ui/src/problems_model.cpp" line="56"/>
        <location filename="../ui/src/topology_view.cpp" line="846"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="172"/>
        <source>not a JSON object: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="180"/>
        <source>&quot;sql&quot; must be a string</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_route.cpp" line="190"/>
        <source>&quot;position&quot;: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="435"/>
        <source>Starting the %1 sandbox on 127.0.0.1… (a few seconds the first time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="436"/>
        <source>Starting sandbox…</source>
        <translation>正在启动沙箱…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="463"/>
        <source>New cluster</source>
        <translation>新集群</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="464"/>
        <source>New cluster profile</source>
        <translation>新建集群配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="475"/>
        <source>Edit &quot;%1&quot;</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="489"/>
        <source>Duplicate &quot;%1&quot;</source>
        <translation>复制“%1”</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="497"/>
        <source>The profile &quot;%1&quot; was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="507"/>
        <source>The password of %1 could not be stored in the keychain (%2); it will be asked for when the profile is opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="521"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="522"/>
        <source>Delete the profile &quot;%1&quot;? The cluster itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="540"/>
        <source>Import profile</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="541"/>
        <location filename="../ui/src/main_window.cpp" line="560"/>
        <source>Switchyard profiles (*.json)</source>
        <translation>Switchyard 配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="559"/>
        <source>Export profile</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="567"/>
        <source>Exported &quot;%1&quot; to %2 (no passwords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="574"/>
        <source>Open a cluster and wait until its nodes answer before starting an operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="586"/>
        <source>The profile &quot;%1&quot; has no admin user: edit it and name the account for topology changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="601"/>
        <source>Admin password for %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="602"/>
        <source>%1.

Password of %2 (the admin account):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="655"/>
        <source>No single writable primary answers: a checksum compares replicas with their primary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="705"/>
        <location filename="../ui/src/tr.cpp" line="20"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="46"/>
        <source>not answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="50"/>
        <location filename="../ui/src/event_text.cpp" line="14"/>
        <location filename="../ui/src/history_chart.cpp" line="118"/>
        <location filename="../ui/src/node_details.cpp" line="40"/>
        <location filename="../ui/src/node_details.cpp" line="47"/>
        <location filename="../ui/src/node_details.cpp" line="63"/>
        <location filename="../ui/src/node_details.cpp" line="76"/>
        <location filename="../ui/src/node_details.cpp" line="237"/>
        <location filename="../ui/src/node_table_model.cpp" line="52"/>
        <location filename="../ui/src/node_table_model.cpp" line="115"/>
        <location filename="../ui/src/node_table_model.cpp" line="121"/>
        <location filename="../ui/src/routing_preview_engine.cpp" line="711"/>
        <location filename="../ui/src/topology_view.cpp" line="118"/>
        <location filename="../ui/src/topology_view.cpp" line="808"/>
        <location filename="../ui/src/topology_view.cpp" line="868"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="52"/>
        <source>  %1 bytes behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="54"/>
        <source>  %1 trx behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="57"/>
        <source>qps %1  tps %2  rows read/s %3  written/s %4  conn %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="100"/>
        <source>Poll a cluster for a while, store every round in the profile&apos;s history (the same the console shows) and print each round&apos;s lag and throughput.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="102"/>
        <source>Saved profile to monitor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="103"/>
        <source>How long to monitor, in seconds.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="106"/>
        <source>Poll interval in seconds (default: the profile&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="107"/>
        <source>Print JSON Lines: one object per round and per event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="109"/>
        <source>History database file (default: the profile&apos;s, in the XDG data directory).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="115"/>
        <source>give --profile NAME and --duration SECONDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="119"/>
        <source>--duration takes a positive number of seconds, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="127"/>
        <source>--interval takes seconds from 0.2 to 3600, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="189"/>
        <source>the history %1 did not finish writing within 30 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="191"/>
        <source>history not stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../app/cli/cmd_monitor.cpp" line="193"/>
        <source>%n round(s) stored in %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="198"/>
        <source>no node answered within %1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="206"/>
        <source>Print the event log stored for a profile: nodes down and up, role changes, replication threads and errors, lag thresholds, problems, operator actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="208"/>
        <location filename="../app/cli/operation_cli.cpp" line="208"/>
        <source>Saved profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="210"/>
        <source>From this time: ISO 8601 (2026-11-21T10:00:00, local unless it ends in Z), or a span before now: 90s, 15m, 2h, 7d (default 24h).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="213"/>
        <source>Up to this time (same forms as --since).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="215"/>
        <source>Only this node (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="216"/>
        <source>Minimum severity: info, warning or critical.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="218"/>
        <source>Only this event type, e.g. lag_critical (repeatable).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="220"/>
        <source>At most this many events, newest first (default 1000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="222"/>
        <source>Print JSON Lines, one object per event.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="223"/>
        <source>History database file (default: the profile&apos;s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="229"/>
        <source>give --profile NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="235"/>
        <source>--since takes a time like 2026-11-21T10:00:00 or a span like 2h, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="241"/>
        <source>--until takes a time like 2026-11-21T10:00:00 or a span like 2h, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="255"/>
        <source>--severity takes info, warning or critical, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="259"/>
        <source>unknown event type &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="265"/>
        <source>--limit takes a positive number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="277"/>
        <source>no history at %1 yet: run switchyard-cli monitor or open the profile in the console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="18"/>
        <location filename="../ui/src/node_table_model.cpp" line="55"/>
        <location filename="../ui/src/node_table_model.cpp" line="56"/>
        <location filename="../ui/src/operation_wizard.cpp" line="595"/>
        <location filename="../ui/src/topology_view.cpp" line="621"/>
        <location filename="../ui/src/topology_view.cpp" line="623"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="62"/>
        <location filename="../ui/src/topology_view.cpp" line="567"/>
        <location filename="../ui/src/topology_view.cpp" line="724"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="64"/>
        <source>no answer (last: %1)</source>
        <translation>无响应（上次：%1）</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="65"/>
        <source>no answer yet</source>
        <translation>尚无响应</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="85"/>
        <location filename="../ui/src/node_table_model.cpp" line="67"/>
        <location filename="../ui/src/topology_view.cpp" line="561"/>
        <source>unreachable</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="72"/>
        <source>replication receiver stopped</source>
        <translation>复制接收已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="73"/>
        <source>replication applier stopped</source>
        <translation>复制应用已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="78"/>
        <location filename="../ui/src/topology_view.cpp" line="748"/>
        <source>replicating</source>
        <translation>正在复制</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="80"/>
        <location filename="../ui/src/topology_view.cpp" line="752"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="70"/>
        <location filename="../ui/src/node_table_model.cpp" line="113"/>
        <source>primary</source>
        <translation>主库</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="72"/>
        <location filename="../ui/src/node_table_model.cpp" line="114"/>
        <source>replica</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="122"/>
        <location filename="../ui/src/topology_view.cpp" line="800"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="122"/>
        <location filename="../ui/src/topology_view.cpp" line="800"/>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="129"/>
        <source>Last answer %1</source>
        <translation>上次响应 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/event_log_model.cpp" line="93"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_log_model.cpp" line="94"/>
        <location filename="../ui/src/problems_model.cpp" line="251"/>
        <source>Severity</source>
        <translation type="unfinished">严重程度</translation>
    </message>
    <message>
        <location filename="../ui/src/event_log_model.cpp" line="95"/>
        <location filename="../ui/src/node_details.cpp" line="243"/>
        <location filename="../ui/src/node_table_model.cpp" line="156"/>
        <location filename="../ui/src/operation_dialogs.cpp" line="57"/>
        <location filename="../ui/src/operation_wizard.cpp" line="325"/>
        <location filename="../ui/src/operation_wizard.cpp" line="351"/>
        <location filename="../ui/src/operation_wizard.cpp" line="389"/>
        <location filename="../ui/src/operation_wizard.cpp" line="401"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/src/event_log_model.cpp" line="96"/>
        <location filename="../ui/src/event_text.cpp" line="49"/>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_log_model.cpp" line="97"/>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="245"/>
        <location filename="../ui/src/node_table_model.cpp" line="157"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="246"/>
        <location filename="../ui/src/node_table_model.cpp" line="158"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="249"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="249"/>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="251"/>
        <source>Last answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="253"/>
        <source>Probe round trip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="255"/>
        <source>Statements last round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="257"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="258"/>
        <source>Product</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="259"/>
        <location filename="../ui/src/node_table_model.cpp" line="159"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="261"/>
        <source>Server ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="262"/>
        <source>System identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="262"/>
        <source>Server UUID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="266"/>
        <location filename="../ui/src/node_table_model.cpp" line="160"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="266"/>
        <source>In recovery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="269"/>
        <source>Super read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="272"/>
        <source>Binary log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="273"/>
        <source>Binlog format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="275"/>
        <source>Log replica updates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="277"/>
        <source>GTID mode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="278"/>
        <source>GTID domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="279"/>
        <source>Semi-synchronous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="282"/>
        <source>Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="284"/>
        <source>Last received LSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="284"/>
        <source>Current WAL LSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="287"/>
        <source>wal_log_hints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="289"/>
        <source>Data checksums</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="290"/>
        <source>Synchronous replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="294"/>
        <source>Replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="296"/>
        <source>WAL receiver streaming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="296"/>
        <location filename="../ui/src/node_details.cpp" line="316"/>
        <source>IO thread running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="298"/>
        <source>Replay running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="298"/>
        <location filename="../ui/src/node_details.cpp" line="318"/>
        <source>SQL thread running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="300"/>
        <location filename="../ui/src/node_details.cpp" line="320"/>
        <location filename="../ui/src/node_table_model.cpp" line="161"/>
        <source>Lag</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="305"/>
        <source>GTID positions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="306"/>
        <source>Binlog position (gtid_binlog_pos)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="307"/>
        <source>Executed (gtid_executed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="309"/>
        <source>Current (gtid_current_pos)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="310"/>
        <source>Replica (gtid_slave_pos)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="314"/>
        <source>Channel (default)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="314"/>
        <source>Channel “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="315"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="316"/>
        <source>Receiving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="318"/>
        <source>Replaying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="321"/>
        <source>IO error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="322"/>
        <source>SQL error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="323"/>
        <source>Using GTID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="324"/>
        <source>Received GTIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="326"/>
        <source>Reading binlog</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="328"/>
        <source>Replication user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="330"/>
        <source>Received LSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="332"/>
        <source>Replayed LSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="336"/>
        <source>Replicas connected here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="340"/>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="347"/>
        <source>replay lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="349"/>
        <source>sent %1, flushed %2, replayed %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="352"/>
        <source>server ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="358"/>
        <location filename="../ui/src/operation_wizard.cpp" line="58"/>
        <source>Replication slots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="363"/>
        <source>active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="363"/>
        <source>inactive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="365"/>
        <source>retains %1 of WAL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="371"/>
        <source>Errant GTIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="373"/>
        <location filename="../ui/src/node_details.cpp" line="409"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="373"/>
        <source>no transactions found only on this node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="376"/>
        <source>#%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="381"/>
        <source>Counters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="387"/>
        <location filename="../ui/src/operation_wizard.cpp" line="75"/>
        <source>Running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="388"/>
        <source>Queries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="389"/>
        <source>Commits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="390"/>
        <source>Rollbacks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="391"/>
        <source>Rows read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="392"/>
        <source>Rows inserted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="393"/>
        <source>Rows updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="394"/>
        <source>Rows deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="396"/>
        <source>Up for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="407"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="409"/>
        <source>nothing wrong found in the last round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="295"/>
        <location filename="../ui/src/node_table_model.cpp" line="162"/>
        <source>Replicates from</source>
        <translation>复制来源</translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="41"/>
        <location filename="../ui/src/operation_wizard.cpp" line="530"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="41"/>
        <location filename="../ui/src/operation_wizard.cpp" line="530"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="83"/>
        <source>answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="87"/>
        <source>no answer this round (hung or slow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="91"/>
        <source>not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="103"/>
        <source>%1 (error %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="244"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="247"/>
        <location filename="../ui/src/node_table_model.cpp" line="163"/>
        <location filename="../ui/src/operation_wizard.cpp" line="389"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="18"/>
        <source>Primary unreachable</source>
        <translation>主库无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="20"/>
        <source>Node unreachable</source>
        <translation>节点无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="22"/>
        <source>Replication receiver (IO thread) stopped</source>
        <translation>复制接收（IO 线程）已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="24"/>
        <source>Replication applier (SQL thread) stopped</source>
        <translation>复制应用（SQL 线程）已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="40"/>
        <location filename="../ui/src/node_details.cpp" line="301"/>
        <location filename="../ui/src/problems_model.cpp" line="26"/>
        <source>Replication error</source>
        <translation>复制错误</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="28"/>
        <source>Replication lag over the warning threshold</source>
        <translation>复制延迟超过警告阈值</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="30"/>
        <source>Replication lag over the critical threshold</source>
        <translation>复制延迟超过严重阈值</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="32"/>
        <source>Replication lag unknown</source>
        <translation>复制延迟未知</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="34"/>
        <source>Read-only setting does not match the role</source>
        <translation>只读设置与角色不符</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="36"/>
        <source>More than one writable primary</source>
        <translation>存在多个可写主库</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="38"/>
        <source>No primary</source>
        <translation>没有主库</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="40"/>
        <source>Errant transactions (GTIDs only on a replica)</source>
        <translation>错误事务（仅存在于副本的 GTID）</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="42"/>
        <source>Inactive replication slot retaining WAL</source>
        <translation>未使用的复制槽占用 WAL</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="44"/>
        <source>Would block a switchover</source>
        <translation>会阻碍切换</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="255"/>
        <source>Node(s)</source>
        <translation type="unfinished">节点</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="257"/>
        <source>Detail</source>
        <translation type="unfinished">详情</translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="45"/>
        <location filename="../ui/src/problems_model.cpp" line="46"/>
        <location filename="../ui/src/problems_model.cpp" line="253"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="66"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="68"/>
        <location filename="../ui/src/problems_model.cpp" line="72"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="70"/>
        <source>Info</source>
        <translation>信息</translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="32"/>
        <source>field &quot;%1&quot; must be a whole number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="37"/>
        <source>field &quot;%1&quot; must be between %2 and %3, not %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="51"/>
        <source>field &quot;%1&quot; must be text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="64"/>
        <source>field &quot;%1&quot; must be a number of seconds, zero or more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="132"/>
        <source>written by a newer Switchyard (format %1; this one reads up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="143"/>
        <source>field &quot;engine&quot; must be &quot;mysql&quot;, &quot;mariadb&quot; or &quot;postgres&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="150"/>
        <source>field &quot;seeds&quot; must be a list of nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="156"/>
        <source>seed %1 must be an object with &quot;host&quot; and &quot;port&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="164"/>
        <source>seed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="181"/>
        <source>field &quot;tls.mode&quot; must be disabled, preferred, required, verify-ca or verify-identity, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="197"/>
        <source>field &quot;monitoring.notifyCritical&quot; must be true or false</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="220"/>
        <source>the profile has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="222"/>
        <source>the profile name &quot;%1&quot; may not contain / or \ or start with a dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="224"/>
        <source>the profile has no seed node: add at least one host and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="227"/>
        <source>a seed node has no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="229"/>
        <source>seed node %1 has no port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="232"/>
        <source>the profile has no monitor user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="234"/>
        <source>TLS mode %1 needs a CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="236"/>
        <source>the critical lag threshold (%1 s) is below the warning threshold (%2 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="239"/>
        <source>history is kept %1 days, less than the %2 days of full resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="32"/>
        <source> ms</source>
        <translation> 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="41"/>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="49"/>
        <source>Cluster profile</source>
        <translation>集群配置</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="58"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="59"/>
        <source>&amp;Engine:</source>
        <translation>引擎(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="62"/>
        <source>Seed nodes (discovery starts here; list nodes it cannot find itself)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="67"/>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="67"/>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="67"/>
        <source>Display name</source>
        <translation>显示名称</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="67"/>
        <source>Data centre</source>
        <translation>数据中心</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="67"/>
        <source>Tags (comma-separated)</source>
        <translation>标签（逗号分隔）</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="71"/>
        <source>Add node</source>
        <translation>添加节点</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="72"/>
        <source>Remove node</source>
        <translation>移除节点</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="90"/>
        <source>Accounts (passwords go to the system keychain, never into the profile)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="95"/>
        <location filename="../ui/src/profile_dialog.cpp" line="99"/>
        <source>unchanged</source>
        <translation>不变</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="100"/>
        <source>&amp;Monitor user (read-only):</source>
        <translation>监控用户（只读）(&amp;M)：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="101"/>
        <source>Monitor password:</source>
        <translation>监控密码：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="102"/>
        <source>A&amp;dmin user (topology changes):</source>
        <translation>管理用户（拓扑变更）(&amp;D)：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="103"/>
        <source>Admin password:</source>
        <translation>管理密码：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="106"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="114"/>
        <source>Mode:</source>
        <translation>模式：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="115"/>
        <source>CA file:</source>
        <translation>CA 文件：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="116"/>
        <source>Client certificate:</source>
        <translation>客户端证书：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="117"/>
        <source>Client key:</source>
        <translation>客户端密钥：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="121"/>
        <source>Polling and thresholds</source>
        <translation>轮询与阈值</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="128"/>
        <source>Poll every:</source>
        <translation>轮询间隔：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="129"/>
        <source>Connect timeout:</source>
        <translation>连接超时：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="130"/>
        <source>Read timeout:</source>
        <translation>读取超时：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="131"/>
        <source>Lag warning at:</source>
        <translation>延迟警告阈值：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="132"/>
        <source>Lag critical at:</source>
        <translation>延迟严重阈值：</translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="234"/>
        <source>Seed node %1: the port must be a number from 1 to 65535</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_dialog.cpp" line="239"/>
        <source>A profile named &quot;%1&quot; exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="24"/>
        <source>cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="28"/>
        <source>is larger than 1 MiB; a profile is a few hundred bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="34"/>
        <source>is not valid JSON at offset %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="38"/>
        <source>must hold one JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="49"/>
        <location filename="../ui/src/profile_store.cpp" line="55"/>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="88"/>
        <source>names the profile &quot;%1&quot;, but the file name says &quot;%2&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="105"/>
        <source>No profile named &quot;%1&quot; in %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="111"/>
        <source>Profile file %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="129"/>
        <source>Cannot create the profile directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="142"/>
        <source>Cannot delete %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile_store.cpp" line="169"/>
        <source>Cannot import %1: it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/secret_store.cpp" line="24"/>
        <source>the keychain did not answer within %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/snapshot_json.cpp" line="165"/>
        <source>REPLICATION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/snapshot_json.cpp" line="172"/>
        <source>PROBLEMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/snapshot_json.cpp" line="174"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="110"/>
        <source>lagging</source>
        <translation>延迟中</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="114"/>
        <location filename="../ui/src/topology_view.cpp" line="839"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="559"/>
        <source>reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="563"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="681"/>
        <source>PRIMARY</source>
        <translation type="unfinished">主库</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="686"/>
        <source>REPLICA</source>
        <translation type="unfinished">副本</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="691"/>
        <source>UNKNOWN</source>
        <translation type="unfinished">未知</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="699"/>
        <source>CO-PRIMARY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="704"/>
        <source>RO/RW ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="706"/>
        <source>RO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="706"/>
        <source>RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="721"/>
        <source>NO ANSWER</source>
        <translation type="unfinished">无响应</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="721"/>
        <source>UNREACHABLE</source>
        <translation type="unfinished">无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="733"/>
        <source>%1 of %2 channels stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="736"/>
        <source>replication stopped</source>
        <translation type="unfinished">复制已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="739"/>
        <source>WAL receiver stopped</source>
        <translation type="unfinished">WAL 接收已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="739"/>
        <source>IO thread stopped</source>
        <translation type="unfinished">IO 线程已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="742"/>
        <source>replay paused</source>
        <translation type="unfinished">回放已暂停</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="742"/>
        <source>SQL thread stopped</source>
        <translation type="unfinished">SQL 线程已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="745"/>
        <source>replication error</source>
        <translation type="unfinished">复制错误</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="754"/>
        <source>online · LSN %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="756"/>
        <source>online · GTID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="796"/>
        <source>Primary</source>
        <translation type="unfinished">主库</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="798"/>
        <source>Role unknown</source>
        <translation type="unfinished">角色未知</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="803"/>
        <source>Version: %1</source>
        <translation type="unfinished">版本：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="804"/>
        <location filename="../ui/src/topology_view.cpp" line="867"/>
        <source>State: %1</source>
        <translation type="unfinished">状态：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="806"/>
        <source>Reason: %1</source>
        <translation type="unfinished">原因：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="808"/>
        <location filename="../ui/src/topology_view.cpp" line="868"/>
        <source>Lag: %1</source>
        <translation type="unfinished">延迟：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="810"/>
        <source>Replicates from %1</source>
        <translation type="unfinished">复制来源 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/topology_view.cpp" line="812"/>
        <source>Feeds %n replica(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="814"/>
        <source>Replication error: %1</source>
        <translation type="unfinished">复制错误：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="816"/>
        <source>Last answer: %1</source>
        <translation type="unfinished">上次响应：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="819"/>
        <source>Problems:</source>
        <translation type="unfinished">问题：</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="842"/>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="864"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="866"/>
        <source>Channel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="873"/>
        <source>Receiver error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="875"/>
        <source>Applier error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="16"/>
        <location filename="../ui/src/node_details.cpp" line="253"/>
        <source>%1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="21"/>
        <location filename="../ui/src/topology_view.cpp" line="626"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="22"/>
        <location filename="../ui/src/topology_view.cpp" line="628"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="28"/>
        <location filename="../ui/src/event_text.cpp" line="102"/>
        <source>Monitoring started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="29"/>
        <source>Node discovered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="30"/>
        <source>Node down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="31"/>
        <source>Node up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="32"/>
        <source>Role changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="33"/>
        <source>Read-only changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="34"/>
        <source>Receiving stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="35"/>
        <source>Receiving started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="36"/>
        <source>Applying stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="37"/>
        <source>Applying started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="38"/>
        <source>Replication configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="39"/>
        <source>Replication removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="41"/>
        <source>Replication error cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="42"/>
        <source>Lag warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="43"/>
        <source>Lag critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="44"/>
        <source>Lag back to normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="46"/>
        <source>Problem cleared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="47"/>
        <source>Operator action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="55"/>
        <source>info</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="56"/>
        <source>warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="57"/>
        <source>critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="67"/>
        <source>the primary is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="68"/>
        <source>a node is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="69"/>
        <source>receiving is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="70"/>
        <source>applying is stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="71"/>
        <source>replication reports an error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="72"/>
        <source>lag above the warning threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="73"/>
        <source>lag above the critical threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="74"/>
        <source>lag cannot be measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="75"/>
        <source>read-only setting does not match the role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="76"/>
        <source>more than one writable primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="77"/>
        <source>no writable primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="78"/>
        <source>errant transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="79"/>
        <source>inactive replication slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="80"/>
        <source>switchover blocker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="87"/>
        <source> (channel %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="104"/>
        <source>%1 joined the cluster view (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="106"/>
        <source>%1 stopped answering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="108"/>
        <source>%1 answers again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="110"/>
        <source>%1 changed role from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="112"/>
        <source>%1: read_only went from %2 to %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="114"/>
        <source>%1 stopped receiving from its source%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="116"/>
        <source>%1 receives from its source again%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="118"/>
        <source>%1 stopped applying replicated changes%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="120"/>
        <source>%1 applies replicated changes again%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="122"/>
        <source>%1 now replicates from %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="124"/>
        <source>%1 no longer replicates from %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="126"/>
        <source>%1 reports a replication error%2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="128"/>
        <source>%1: the replication error cleared%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="130"/>
        <source>Lag on %1 reached %2 (warning threshold %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="133"/>
        <source>Lag on %1 reached %2 (critical threshold %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="136"/>
        <source>Lag on %1 is back to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="139"/>
        <source>a problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="142"/>
        <source>Problem: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="142"/>
        <source>Problem on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="143"/>
        <source>Cleared: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="143"/>
        <source>Cleared on %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="157"/>
        <source> — SQL: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="159"/>
        <source> — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="629"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_monitor.cpp" line="50"/>
        <location filename="../ui/src/topology_view.cpp" line="634"/>
        <source>lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="634"/>
        <location filename="../ui/src/topology_view.cpp" line="833"/>
        <source>lag ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="8"/>
        <source>Invalid input</source>
        <translation>输入无效</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="9"/>
        <source>Not found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="10"/>
        <source>Already exists</source>
        <translation>已存在</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="11"/>
        <source>File or process error</source>
        <translation>文件或进程错误</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="12"/>
        <source>Could not parse</source>
        <translation>无法解析</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="13"/>
        <source>Cannot connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="14"/>
        <source>Access denied (wrong user or password)</source>
        <translation>访问被拒绝（用户名或密码错误）</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="15"/>
        <source>TLS failed</source>
        <translation>TLS 失败</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="16"/>
        <source>Timed out</source>
        <translation>超时</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="17"/>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="18"/>
        <source>Connection lost</source>
        <translation>连接丢失</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="19"/>
        <source>Statement failed</source>
        <translation>语句执行失败</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="21"/>
        <source>Port already in use</source>
        <translation>端口已被占用</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="22"/>
        <source>Server program not installed</source>
        <translation>未安装服务器程序</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="23"/>
        <source>Data directory in use</source>
        <translation>数据目录正在使用</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="24"/>
        <source>Server process failed</source>
        <translation>服务器进程失败</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="25"/>
        <source>Not supported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="26"/>
        <location filename="../ui/src/tr.cpp" line="28"/>
        <source>Internal error</source>
        <translation>内部错误</translation>
    </message>
    <message>
        <location filename="../ui/src/event_text.cpp" line="147"/>
        <location filename="../ui/src/tr.cpp" line="35"/>
        <source>%1 on %2</source>
        <translation>%2 上%1</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="39"/>
        <source> (error %1)</source>
        <translation>（错误 %1）</translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="86"/>
        <source>Password of the replication account %1 for %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="161"/>
        <source>rolled back: %1 is the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="169"/>
        <source>post-check %1 failed on %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="178"/>
        <source>step %1 %2 on %3 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="180"/>
        <location filename="../ui/src/routing_preview_engine.cpp" line="220"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="187"/>
        <source>; rolled back, %1 is the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="188"/>
        <source>; THE ROLL-BACK FAILED: look at the cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="190"/>
        <source>; %1 is the new primary: run again with --resume --yes to finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="204"/>
        <source>Fail over from a primary that is down: watch it and ask the replicas, choose the most advanced replica, fence the old primary if it is reachable at all, promote, repoint the others.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="206"/>
        <source>Planned switchover: every preflight check, then the plan with the exact SQL per node; with --yes the steps run (journaled; undone automatically until the promote step).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="209"/>
        <source>Replica to promote (default: the most advanced).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="210"/>
        <source>Replica to promote (default: the recommended one).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="212"/>
        <source>Print the checks and the plan only (the default without --yes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="214"/>
        <source>Run the plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="215"/>
        <source>Print JSON (plan and result).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="216"/>
        <source>Refuse when the candidate may lack acknowledged transactions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="219"/>
        <source>After read_only, kill sessions of users that can still write.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="221"/>
        <source>Kill long-running transactions instead of waiting for them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="222"/>
        <source>Leave the old primary out of replication.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="224"/>
        <source>Replication account for the demoted primary (default: the replicas&apos;). Password: SWITCHYARD_REPLICATION_PASSWORD, the keychain, or a prompt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="227"/>
        <source>Connect timeout per node (default 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="230"/>
        <source>How long to watch the primary before failing over (default 3000).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="232"/>
        <source>Lag limit for the candidate in seconds (default: the profile&apos;s warning threshold).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="235"/>
        <source>Resume the profile&apos;s unfinished operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="236"/>
        <source>Roll back the profile&apos;s unfinished operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="237"/>
        <source>Leave the unfinished operation as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="239"/>
        <source>After a failover: make NODE (the old primary, back again) a replica of the current primary, once it is checked to hold nothing the primary lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="295"/>
        <source>cannot open the operation journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="299"/>
        <source>no unfinished operation in the journal of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="301"/>
        <source>unfinished %1 %2: %3 -&gt; %4, started %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="308"/>
        <source>left as it is; no longer offered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="317"/>
        <source>cannot roll back: the promote step completed; resume instead (--resume --yes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="319"/>
        <source>cannot resume this operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="321"/>
        <source>warning: the cluster does not look as the journal says it should</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="323"/>
        <source>(not run: add --yes to %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="327"/>
        <source>cannot take over the operation in the journal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="337"/>
        <source>an unfinished %1 (%2, %3 -&gt; %4) is in the journal: finish it first with --resume --yes, --rollback --yes, or --dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="356"/>
        <source>watching %1 for %2 ms...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="369"/>
        <source>(no candidate)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="371"/>
        <source>candidate: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="372"/>
        <source>preflight checks:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="380"/>
        <source>preflight check %1 failed%2: %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="381"/>
        <source> on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="382"/>
        <source> (fix: %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/operation_cli.cpp" line="388"/>
        <source>
Nothing was changed. Run again with --yes to execute this plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="54"/>
        <source>Table checksum and repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="57"/>
        <source>What to compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="60"/>
        <source>all databases (comma-separated list to narrow)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="62"/>
        <source>all tables (DB.TABLE, comma-separated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="66"/>
        <source>%1 (cascaded: computed on the replica)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="72"/>
        <source>CRC32 (fast, as pt-table-checksum)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="73"/>
        <source>MD5, 128 bits (stronger, slower)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="74"/>
        <source>Databases:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="75"/>
        <source>Tables:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="76"/>
        <source>Replicas:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="77"/>
        <source>Row hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="81"/>
        <source>Run checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="82"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="103"/>
        <source>One cell per chunk: green matches on every replica, red differs on at least one, grey skipped. Select a red cell and drill down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="112"/>
        <source>Drill into chunk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="114"/>
        <source>Repair on the primary (replicates to EVERY replica)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="115"/>
        <source>Repair on this replica only (binary logging off)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="117"/>
        <source>Apply and re-verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="128"/>
        <source>Repair statements appear here for review before anything runs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="188"/>
        <source>Checksumming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="199"/>
        <source>Could not connect: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="216"/>
        <source>Checksum failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="218"/>
        <location filename="../ui/src/checksum_dialog.cpp" line="228"/>
        <source>Table checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="230"/>
        <source>%1 tables, %2 rows, %3 differing chunks, %4 skipped%5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="235"/>
        <source>, cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="248"/>
        <source>%1 rows/s · ETA %2 s · %3.%4 chunk %5%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="253"/>
        <source> (paused: replica lag / load)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="272"/>
        <location filename="../ui/src/operation_wizard.cpp" line="94"/>
        <source>skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="286"/>
        <source>%1: %2 rows (primary %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="295"/>
        <source>chunk %1: %2 %3 .. %4, %5 rows%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/checksum_dialog.cpp" line="305"/>
        <source>%n table(s) NOT checked:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="309"/>
        <source>Cancelled after %1 rows; running again with resume continues.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="310"/>
        <source>%1 chunks differ. Select a red cell and drill down.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="311"/>
        <source>All %1 rows match on every replica (%2 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="335"/>
        <source>Comparing keys and row hashes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="354"/>
        <source>Drill-down failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="366"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="366"/>
        <source>Key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="368"/>
        <source>%1 (primary | replica)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="375"/>
        <source>missing on replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="376"/>
        <source>extra on replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="377"/>
        <source>different</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/checksum_dialog.cpp" line="396"/>
        <source>%n differing row(s). Review the statements, then apply.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="412"/>
        <source>-- ON THE REPLICA %1 ONLY, binary logging off:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="413"/>
        <source>-- ON THE PRIMARY %1: every replica receives these statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="433"/>
        <source>Applying the repair…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="446"/>
        <source>applied (%1 rows); re-verify failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="449"/>
        <source>applied (%1 rows); chunk re-verified: match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="450"/>
        <source>applied (%1 rows); chunk STILL DIFFERS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/checksum_dialog.cpp" line="467"/>
        <source>Checksum repair</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/desktop_notifier.cpp" line="83"/>
        <source>Desktop notifications: looking for the desktop&apos;s notification service…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/desktop_notifier.cpp" line="84"/>
        <source>Desktop notifications: not available on this desktop (no notification service, no system tray)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/desktop_notifier.cpp" line="85"/>
        <source>Desktop notifications: through the desktop&apos;s notification service</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/desktop_notifier.cpp" line="86"/>
        <source>Desktop notifications: through the system tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="102"/>
        <source>Replication lag (seconds)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="103"/>
        <source>WAL bytes not yet replayed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="104"/>
        <source>Transactions not yet applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="105"/>
        <source>Queries per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="106"/>
        <source>Transactions per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="107"/>
        <source>Rows read per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="108"/>
        <source>Rows written per second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="109"/>
        <location filename="../ui/src/node_details.cpp" line="386"/>
        <source>Connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="110"/>
        <source>Threads running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="122"/>
        <source>%1 transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="125"/>
        <source>%1/s</source>
        <translation type="unfinished">%1 秒 {1/?}</translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="340"/>
        <source>%1: no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="354"/>
        <source>warning %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="355"/>
        <source>critical %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="440"/>
        <source>%1 of WAL behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="442"/>
        <source>%1 transactions behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="446"/>
        <source>%1 over %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="449"/>
        <source>highest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="450"/>
        <source>average</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="501"/>
        <location filename="../ui/src/history_chart.cpp" line="507"/>
        <source>cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_chart.cpp" line="517"/>
        <location filename="../ui/src/monitoring_view.cpp" line="527"/>
        <source>cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="151"/>
        <source>cannot create the directory %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="157"/>
        <source>cannot open the history %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="161"/>
        <source>%1 is not a history database: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="184"/>
        <source>cannot read the schema version of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="190"/>
        <source>the history %1 was written by a newer Switchyard (schema %2; this one knows up to %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="199"/>
        <location filename="../ui/src/history_database.cpp" line="210"/>
        <source>cannot migrate %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="204"/>
        <source>cannot migrate %1 to schema %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="242"/>
        <location filename="../ui/src/history_database.cpp" line="314"/>
        <source>the history is not open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/history_database.cpp" line="254"/>
        <source>cannot record node %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="94"/>
        <source>Range:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="98"/>
        <source>5 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="98"/>
        <source>1 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="99"/>
        <source>24 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="99"/>
        <source>7 d</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="100"/>
        <source>Custom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="126"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="139"/>
        <location filename="../ui/src/monitoring_view.cpp" line="287"/>
        <source>Lag in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="140"/>
        <source>WAL bytes behind (PostgreSQL)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="141"/>
        <location filename="../ui/src/monitoring_view.cpp" line="291"/>
        <source>Transactions behind (GTID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="150"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="153"/>
        <source>Charts as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="154"/>
        <source>Data as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="178"/>
        <source>Events:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="180"/>
        <source>All nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="183"/>
        <source>All severities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="184"/>
        <source>Warnings and critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="185"/>
        <source>Critical only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="187"/>
        <source>All events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="191"/>
        <source>In the chart&apos;s range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="192"/>
        <source>Last hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="193"/>
        <source>Last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="194"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="195"/>
        <source>Everything kept</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="219"/>
        <source>Click an event to see that moment in the charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="225"/>
        <source>Notify me of critical events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="274"/>
        <source>History: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="289"/>
        <source>WAL bytes behind</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/monitoring_view.cpp" line="456"/>
        <source>%1: %n critical events</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/monitoring_view.cpp" line="504"/>
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="543"/>
        <source>Export charts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="543"/>
        <source>Export data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="544"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="544"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/monitoring_view.cpp" line="549"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="32"/>
        <source>Switchover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="33"/>
        <source>Failover</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="34"/>
        <source>Rejoin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="45"/>
        <source>Unfinished %1 - %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="51"/>
        <source>&lt;b&gt;%1 %2 &amp;rarr; %3 did not finish.&lt;/b&gt;&lt;br&gt;Started %4, last journal entry %5 (state &quot;%6&quot;). The journal shows what ran; the cluster is read again below before you choose.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="57"/>
        <location filename="../ui/src/operation_wizard.cpp" line="389"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="57"/>
        <source>Journal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="61"/>
        <source>Comparing the journal with the cluster now...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="68"/>
        <source>-- journaled statements:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="71"/>
        <location filename="../ui/src/operation_dialogs.cpp" line="241"/>
        <location filename="../ui/src/operation_wizard.cpp" line="728"/>
        <source>UNDO </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="73"/>
        <location filename="../ui/src/operation_dialogs.cpp" line="242"/>
        <location filename="../ui/src/operation_wizard.cpp" line="730"/>
        <source>FAILED: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="75"/>
        <source>Resume</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="76"/>
        <source>Roll back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="77"/>
        <source>Leave it as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="78"/>
        <location filename="../ui/src/operation_dialogs.cpp" line="172"/>
        <source>Decide later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="79"/>
        <source>Run the steps the journal does not have as done (the interrupted one again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="80"/>
        <source>Undo what ran, newest first; only before the promote step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="81"/>
        <source>Stop offering this operation; fix the cluster by hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="110"/>
        <location filename="../ui/src/operation_wizard.cpp" line="592"/>
        <source>   [point of no return]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="145"/>
        <source>Advice: &lt;b&gt;resume&lt;/b&gt; - the remaining steps finish the operation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="148"/>
        <source>Advice: &lt;b&gt;roll back&lt;/b&gt; - the promote step had not completed; undoing returns the cluster to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="152"/>
        <source>Advice: &lt;b&gt;look first&lt;/b&gt; - the cluster does not look as the journal says it should; someone or something changed it since. Leave the operation and plan a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="172"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="200"/>
        <source>-- rolling back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="200"/>
        <source>-- resuming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="253"/>
        <source>: %1 is the primary again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_dialogs.cpp" line="255"/>
        <location filename="../ui/src/operation_wizard.cpp" line="758"/>
        <source>: %1 is the primary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="211"/>
        <source>the journaled plan has no id, kind or engine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="253"/>
        <source>the journaled step %1 has an unknown phase</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="261"/>
        <source>the journaled step %1 has a command of an unknown kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="267"/>
        <source>the journaled step %1 has an undo command of an unknown kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="347"/>
        <source>cannot open the operation journal %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="371"/>
        <source>cannot create the operation journal in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="406"/>
        <source>step %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="432"/>
        <source>%1 %2 -&gt; %3 started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="453"/>
        <source>%1 (undo): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="454"/>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="473"/>
        <source>%1 finished: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="581"/>
        <source>unfinished operation %1 left as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_journal.cpp" line="581"/>
        <source>dismissed by the operator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_launcher.cpp" line="43"/>
        <source>Admin password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_launcher.cpp" line="44"/>
        <source>Password of %1 (the account for topology changes) on %2:%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_launcher.cpp" line="71"/>
        <source>Replication account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_launcher.cpp" line="72"/>
        <source>The replication account the demoted primary will use (leave empty to keep it out of replication):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_launcher.cpp" line="80"/>
        <source>Replication password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_launcher.cpp" line="80"/>
        <source>Password of the replication account %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="37"/>
        <source>One writable primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="38"/>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="39"/>
        <source>Candidate is a direct replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="40"/>
        <source>Replication threads running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="41"/>
        <source>Candidate lag under the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="42"/>
        <source>Replication by GTID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="43"/>
        <source>GTID domains consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="44"/>
        <source>GTID strict mode consistent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="45"/>
        <source>No errant GTIDs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="46"/>
        <source>Binary log and log_slave_updates on the candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="47"/>
        <source>Compatible versions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="48"/>
        <source>Binary log formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="49"/>
        <source>Replication account for the demoted primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="50"/>
        <source>Privileges of the admin account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="51"/>
        <source>Sessions that can write despite read_only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="52"/>
        <source>Long-running transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="53"/>
        <source>Event scheduler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="54"/>
        <source>Semi-synchronous replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="55"/>
        <source>Node reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="56"/>
        <source>Timelines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="57"/>
        <source>wal_log_hints or data checksums (for pg_rewind)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="59"/>
        <source>Control of the old primary&apos;s server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="60"/>
        <source>The primary is really down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="61"/>
        <source>Most advanced replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="62"/>
        <source>Transactions that may be lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="63"/>
        <source>One writable primary afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="64"/>
        <source>Replicating from the new primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="65"/>
        <source>No errant GTIDs afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="74"/>
        <source>Planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="76"/>
        <source>Succeeded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="77"/>
        <source>Succeeded with warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="78"/>
        <source>Rolled back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="79"/>
        <source>Roll-back failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="80"/>
        <source>Failed after the promote step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="81"/>
        <source>Interrupted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="82"/>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="90"/>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="92"/>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="93"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="95"/>
        <source>undone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="96"/>
        <source>undo failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="125"/>
        <source>cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="242"/>
        <source>Planned switchover - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="243"/>
        <source>Failover - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="244"/>
        <source>Rejoin - %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="255"/>
        <source>The primary does not answer: choose the replica to promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="256"/>
        <source>Choose the replica to promote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="257"/>
        <source>The console watches the primary for a while and asks the replicas what they see before it proposes anything. The most advanced replica is recommended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="259"/>
        <source>The recommended replica is preselected; the table says why each replica ranks where it does.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="262"/>
        <location filename="../ui/src/operation_wizard.cpp" line="424"/>
        <source>Reading the cluster...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="268"/>
        <location filename="../ui/src/topology_view.cpp" line="797"/>
        <source>Replica</source>
        <translation type="unfinished">副本</translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="268"/>
        <source>Eligible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="268"/>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="268"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="289"/>
        <source>Kill sessions of privileged users on the old primary after it turns read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="290"/>
        <source>Kill long-running transactions instead of waiting for them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="291"/>
        <source>Make the old primary a replica of the new one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="293"/>
        <source>Safe mode: refuse when the candidate may lack acknowledged transactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="300"/>
        <source>Read the cluster again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="317"/>
        <source>Preflight checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="318"/>
        <source>Nothing has been changed yet. A red check blocks the operation; each says what to do about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="325"/>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="325"/>
        <location filename="../ui/src/operation_wizard.cpp" line="401"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="334"/>
        <source>Check again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="345"/>
        <source>The plan: every statement, on every node, before anything runs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="346"/>
        <source>Values in ${...} are read by an earlier step; secrets are shown as &apos;&lt;secret&gt;&apos;. Steps up to the promote step are undone automatically if anything fails.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="351"/>
        <source>Step / statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="351"/>
        <source>Timeout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="357"/>
        <source>I have read the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="359"/>
        <source>Copy the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="374"/>
        <source>Fail over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="374"/>
        <source>Switch over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="375"/>
        <source>Every statement is journaled as it runs. Cancel undoes what ran, until the promote step.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="377"/>
        <source>Fail over now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="377"/>
        <source>Switch over now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="378"/>
        <source>Cancel the operation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="401"/>
        <source>Post-check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="422"/>
        <source>Reading the cluster and watching the primary for %1 s...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="466"/>
        <source>Read %1 of %2 nodes at %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="476"/>
        <source>Failure confirmed: %1 of %2 connection attempts failed over %3 ms, and the replicas agree.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="478"/>
        <source>Failure NOT confirmed (%1 of %2 connection attempts failed over %3 ms).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="484"/>
        <source>No failed primary found: every node answers, or no replica points at a node that does not.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="529"/>
        <source>%1 (recommended)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="529"/>
        <source>%1 (chosen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="548"/>
        <source>No replica can be promoted: see the table and the checks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="550"/>
        <source>&lt;b&gt;%1&lt;/b&gt; will be promoted: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="568"/>
        <source>What to do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="576"/>
        <source>&lt;b style=&apos;color:#b02a24&apos;&gt;Blocked&lt;/b&gt;: %1 red, %2 amber, %3 green. Fix the red ones and check again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="581"/>
        <source>&lt;b&gt;Ready&lt;/b&gt;: %1 amber, %2 green.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="594"/>
        <source>   [optional]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="605"/>
        <source>undo, if a later step before the promote fails:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="617"/>
        <source>&lt;b&gt;Notes&lt;/b&gt;&lt;br&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="699"/>
        <source>-- cancel requested: stopping and undoing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="735"/>
        <source>-- undoing what ran, newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="738"/>
        <source>-- post-checks done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="760"/>
        <source> Writes were frozen for %1 ms.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="762"/>
        <source>&lt;br&gt;Failed at step %1, &quot;%2&quot;: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="771"/>
        <source>&lt;br&gt;Everything that ran was undone: %1 is the primary again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="773"/>
        <source>&lt;br&gt;%1 is the new primary; the remaining steps can be resumed from the journal (restart the console or open the profile again).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="777"/>
        <source>Warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/operation_wizard.cpp" line="798"/>
        <source>The new primary has been promoted; the remaining steps finish before the wizard closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="206"/>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="209"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="212"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="216"/>
        <source>lagging %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="218"/>
        <source>weight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="364"/>
        <source>autocommit unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="366"/>
        <source>autocommit on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="366"/>
        <source>autocommit off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="368"/>
        <source>the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="369"/>
        <source>read-only transaction on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="370"/>
        <source>read-write transaction on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="372"/>
        <source> (wrote)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="375"/>
        <source>no transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="380"/>
        <source>next transaction set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="384"/>
        <source>LOCK TABLES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="386"/>
        <source>named lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="388"/>
        <source>backup lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="390"/>
        <source>session state only on the primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="392"/>
        <source>after CALL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="394"/>
        <source>by the application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="395"/>
        <source>pinned to the primary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="401"/>
        <source>temporary tables: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="407"/>
        <source>variables only on the primary: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview_engine.cpp" line="410"/>
        <source>%n prepared statement(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview_engine.cpp" line="412"/>
        <source>%n cursor(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview_engine.cpp" line="415"/>
        <source>%n write(s), position not reported</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview_engine.cpp" line="417"/>
        <source>%n write(s), last at %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview_engine.cpp" line="420"/>
        <source>%n write(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="541"/>
        <source>The last write&apos;s position &quot;%1&quot; is not a %2 position: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="652"/>
        <source>primary (none in the topology)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="653"/>
        <source>primary %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="655"/>
        <source>replica %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="657"/>
        <source>all backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="669"/>
        <source># Routing preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="670"/>
        <source>where these statements go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="672"/>
        <source>Generated by Switchyard on %1 with the routing library applications embed (`switchyard::routing`).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="679"/>
        <source>&gt; **Hypothetical.** These answers assume changes that were not made to the cluster: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="683"/>
        <source>## Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="685"/>
        <source>- Topology: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="686"/>
        <source>- Dialect: %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="688"/>
        <source> (server %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="690"/>
        <source>- Policy: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="691"/>
        <source>- Consistency: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="693"/>
        <source>- Lag threshold: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="695"/>
        <source>replicas leave the read pool over %1 (3 samples), return under %2 (2 samples)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="697"/>
        <location filename="../ui/src/routing_preview_engine.cpp" line="723"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="699"/>
        <source>- The primary takes reads too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="702"/>
        <source>## Topology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="704"/>
        <source>| Node | Role | Health | Lag | Weight | Position |</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="721"/>
        <source>## Session before the statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="723"/>
        <source>- autocommit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="723"/>
        <source>on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="729"/>
        <source>- ran %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="732"/>
        <source>- the session&apos;s last write (%1) → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="736"/>
        <source>- a transaction is open: %1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="742"/>
        <source>- last write reported at %1; the statements come %2 ms later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="743"/>
        <source>no position (not reported)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="749"/>
        <source>&gt; %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="753"/>
        <source>## Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="760"/>
        <source>### %1. %2 → %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="765"/>
        <source>**This statement would fail:** the primary is not available, and the router never sends it anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="770"/>
        <source>Reasons, in the order the router weighed them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="778"/>
        <source>Replicas left out:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="784"/>
        <source>Session afterwards: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="788"/>
        <source>## Verification on the replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="795"/>
        <source>## Reproduce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="797"/>
        <source>Save the topology below as `topology.json` and run:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_engine.cpp" line="819"/>
        <source># the session starts with autocommit off: add {&quot;session&quot;:1,&quot;sql&quot;:&quot;SET autocommit=0&quot;} first
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_verify.cpp" line="21"/>
        <source>There is no statement to run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_verify.cpp" line="23"/>
        <source>Only one statement at a time is verified; select a single read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_verify.cpp" line="26"/>
        <source>Not run: the classifier does not call this a pure read (%1, %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_verify.cpp" line="29"/>
        <source>Not run: the statement writes, locks, executes something or depends on the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_verify.cpp" line="31"/>
        <source>Not run: an unterminated literal or comment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_workload.cpp" line="481"/>
        <source>Detect from the content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_workload.cpp" line="483"/>
        <source>SQL script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_workload.cpp" line="485"/>
        <source>MySQL/MariaDB general log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview_workload.cpp" line="487"/>
        <source>PostgreSQL log (log_statement=all)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TopologyView</name>
    <message>
        <source>Replication topology</source>
        <translation type="vanished">复制拓扑</translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <source>Severity</source>
        <translation type="vanished">严重程度</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation type="vanished">问题</translation>
    </message>
    <message>
        <source>Node(s)</source>
        <translation type="vanished">节点</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation type="vanished">详情</translation>
    </message>
    <message>
        <source>PRIMARY</source>
        <translation type="vanished">主库</translation>
    </message>
    <message>
        <source>REPLICA</source>
        <translation type="vanished">副本</translation>
    </message>
    <message>
        <source>UNKNOWN</source>
        <translation type="vanished">未知</translation>
    </message>
    <message>
        <source>NO ANSWER</source>
        <translation type="vanished">无响应</translation>
    </message>
    <message>
        <source>UNREACHABLE</source>
        <translation type="vanished">无法访问</translation>
    </message>
    <message>
        <source>connecting…</source>
        <translation type="vanished">正在连接…</translation>
    </message>
    <message>
        <source>replication stopped</source>
        <translation type="vanished">复制已停止</translation>
    </message>
    <message>
        <source>WAL receiver stopped</source>
        <translation type="vanished">WAL 接收已停止</translation>
    </message>
    <message>
        <source>IO thread stopped</source>
        <translation type="vanished">IO 线程已停止</translation>
    </message>
    <message>
        <source>replay paused</source>
        <translation type="vanished">回放已暂停</translation>
    </message>
    <message>
        <source>SQL thread stopped</source>
        <translation type="vanished">SQL 线程已停止</translation>
    </message>
    <message>
        <source>replication error</source>
        <translation type="vanished">复制错误</translation>
    </message>
    <message>
        <source>replicating</source>
        <translation type="vanished">正在复制</translation>
    </message>
    <message>
        <source>online</source>
        <translation type="vanished">在线</translation>
    </message>
    <message>
        <source>Primary</source>
        <translation type="vanished">主库</translation>
    </message>
    <message>
        <source>Replica</source>
        <translation type="vanished">副本</translation>
    </message>
    <message>
        <source>Role unknown</source>
        <translation type="vanished">角色未知</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation type="vanished">只读</translation>
    </message>
    <message>
        <source>writable</source>
        <translation type="vanished">可写</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation type="vanished">版本：%1</translation>
    </message>
    <message>
        <source>State: %1</source>
        <translation type="vanished">状态：%1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation type="vanished">原因：%1</translation>
    </message>
    <message>
        <source>Lag: %1</source>
        <translation type="vanished">延迟：%1</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="vanished">未知</translation>
    </message>
    <message>
        <source>Replicates from %1</source>
        <translation type="vanished">复制来源 %1</translation>
    </message>
    <message>
        <source>Replication error: %1</source>
        <translation type="vanished">复制错误：%1</translation>
    </message>
    <message>
        <source>Last answer: %1</source>
        <translation type="vanished">上次响应：%1</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation type="vanished">问题：</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation type="vanished">已停止</translation>
    </message>
    <message>
        <source>error</source>
        <translation type="vanished">错误</translation>
    </message>
</context>
<context>
    <name>switchyard::ui::ClusterView</name>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="50"/>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="51"/>
        <source>Zoom out (−, or the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="55"/>
        <source>Current zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="57"/>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="58"/>
        <source>Zoom in (+, or the mouse wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="60"/>
        <source>Actual size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="61"/>
        <source>Zoom to 100 % (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="62"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="63"/>
        <source>Fit the whole topology in the window and follow it (F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="65"/>
        <source>Export PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="66"/>
        <source>Save the whole topology picture as a PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="67"/>
        <source>Export SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="68"/>
        <source>Save the whole topology picture as an SVG drawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="85"/>
        <source>Copy rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="95"/>
        <source>Graph</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="96"/>
        <source>Table</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/cluster_view.cpp" line="296"/>
        <source>%n critical</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/cluster_view.cpp" line="297"/>
        <source>%n warning(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/cluster_view.cpp" line="298"/>
        <source>%n info</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="303"/>
        <source>Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="305"/>
        <source>waiting for the first round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="308"/>
        <source>none in the last round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="316"/>
        <source>%1 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="366"/>
        <source>Export topology as SVG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="366"/>
        <source>Export topology as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="367"/>
        <source>SVG drawing (*.svg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="367"/>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="372"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="374"/>
        <source>There is no topology to export yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/cluster_view.cpp" line="375"/>
        <source>The picture could not be written to %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchyard::ui::NodeDetails</name>
    <message>
        <location filename="../ui/src/node_details.cpp" line="145"/>
        <location filename="../ui/src/node_details.cpp" line="168"/>
        <source>Copy all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="146"/>
        <source>Copy everything shown about this node as text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="155"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="155"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="164"/>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="426"/>
        <source>Select a node in the graph, the table or the problem list to see everything discovery knows about it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="428"/>
        <source>No node selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/node_details.cpp" line="439"/>
        <source>%1 is not in the latest snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchyard::ui::RoutingPreview</name>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="200"/>
        <source>Back to the cluster as it is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="216"/>
        <source>round robin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="217"/>
        <source>weighted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="218"/>
        <source>least connections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="219"/>
        <source>response time (EWMA)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="220"/>
        <source>How the router picks among the eligible replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="223"/>
        <source>eventual</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="224"/>
        <source>read your writes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="225"/>
        <source>session window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="226"/>
        <source>bounded staleness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="227"/>
        <source>strong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="228"/>
        <source>Which replicas may answer a read of this session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="236"/>
        <source>off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="237"/>
        <location filename="../ui/src/routing_preview.cpp" line="502"/>
        <location filename="../ui/src/routing_preview.cpp" line="935"/>
        <location filename="../ui/src/routing_preview.cpp" line="1069"/>
        <source> s</source>
        <translation type="unfinished"> 秒</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="239"/>
        <source>Replicas leave the read pool after 3 samples over this lag and come back after 2 under half of it; unknown lag counts as over. Default: the profile&apos;s lag warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="241"/>
        <source>Primary takes reads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="244"/>
        <source>Dialect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="247"/>
        <source>Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="250"/>
        <source>Consistency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="254"/>
        <source>Lag threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="262"/>
        <source>Freeze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="263"/>
        <source>Keep routing against this round while new ones arrive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="264"/>
        <source>Live cluster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="265"/>
        <source>Route against the open cluster&apos;s latest snapshot again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="266"/>
        <source>Topology file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="268"/>
        <source>Route against a topology file (the format of switchyard-cli route --topology)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="269"/>
        <source>Export explanation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="271"/>
        <source>Save the explanation as Markdown for a ticket or a code review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="272"/>
        <source>Copy as Markdown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="277"/>
        <location filename="../ui/src/routing_preview.cpp" line="603"/>
        <location filename="../ui/src/routing_preview.cpp" line="621"/>
        <source>Statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="278"/>
        <source>Workload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="330"/>
        <source>&lt;b&gt;Statements&lt;/b&gt; the application sends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="331"/>
        <source>SELECT * FROM orders WHERE id = 42;
-- several statements: one row each</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="334"/>
        <source>Send as one multi-statement packet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="336"/>
        <source>Off: one call per statement, as most drivers send them. On: the whole text in one call (CLIENT_MULTI_STATEMENTS / simple query protocol).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="342"/>
        <source>Session before these statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="344"/>
        <source>Statements this session ran earlier, e.g.
SET autocommit=0;
CREATE TEMPORARY TABLE tmp (a INT);</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="350"/>
        <source>autocommit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="353"/>
        <source>none open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="354"/>
        <source>read-write transaction open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="356"/>
        <source>read-only transaction open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="361"/>
        <source>Transaction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="363"/>
        <source>The session wrote; last write at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="365"/>
        <source>The application&apos;s last committed write, as it reports it for read-your-writes (GTID from the OK packet, @@last_gtid, pg_current_wal_lsn()). Empty: not reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="369"/>
        <source>GTID set, GTID list or LSN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="371"/>
        <source>Primary&apos;s position now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="372"/>
        <source>The primary&apos;s current position from the latest snapshot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="379"/>
        <location filename="../ui/src/routing_preview.cpp" line="925"/>
        <source> ms</source>
        <translation type="unfinished"> 毫秒</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="381"/>
        <source>Time between the session&apos;s earlier statements (and its last write) and these statements; session windows count from the last write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="384"/>
        <source>These statements come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="386"/>
        <source>later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="394"/>
        <source>What if… (hypothetical: nothing is sent to the cluster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="399"/>
        <location filename="../ui/src/routing_preview.cpp" line="603"/>
        <source>Node</source>
        <translation type="unfinished">节点</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="399"/>
        <location filename="../ui/src/routing_preview.cpp" line="474"/>
        <source>Monitor sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="399"/>
        <source>State</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="399"/>
        <source>Lag</source>
        <translation type="unfinished">延迟</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="399"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="399"/>
        <source>Read pool</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="438"/>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="438"/>
        <source>Statement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="438"/>
        <source>Goes to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="438"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="438"/>
        <source>Session afterwards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="463"/>
        <source>Reasons, in the order the router weighed them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="470"/>
        <source>Replicas left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="474"/>
        <source>Replica</source>
        <translation type="unfinished">副本</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="474"/>
        <source>Why</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="486"/>
        <source>Verify on the replica (optional; runs one read-only statement)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="496"/>
        <source>at most </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="497"/>
        <source> rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="501"/>
        <source>timeout </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="503"/>
        <source>Run on replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="506"/>
        <source>Runs the selected statement on the replica through the monitor account, in a read-only transaction that is rolled back. Only pure reads run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="508"/>
        <location filename="../ui/src/routing_preview.cpp" line="574"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="561"/>
        <source>Load statements…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="564"/>
        <source>A .sql script, a MySQL/MariaDB general log excerpt, or a PostgreSQL log written with log_statement=all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="577"/>
        <source>Load a file of statements to see how the router would spread it over the cluster, and which statements keep the primary busy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="592"/>
        <source>Share of statements per node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="603"/>
        <source>Role</source>
        <translation type="unfinished">角色</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="603"/>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="616"/>
        <source>Statements that went to the primary, by the reason that decided it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="621"/>
        <source>Reason / statement shape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="734"/>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="738"/>
        <source>%1 is not JSON: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="741"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="927"/>
        <source>Reads go to the primary for this long after the session&apos;s last write</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="936"/>
        <source>Replicas whose lag is known and at most this many seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1051"/>
        <location filename="../ui/src/routing_preview.cpp" line="1761"/>
        <source>%1 (primary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1052"/>
        <source>The primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1052"/>
        <source>A replica</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1058"/>
        <location filename="../ui/src/routing_preview.cpp" line="1068"/>
        <source>as seen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1059"/>
        <source>up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1060"/>
        <source>down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1061"/>
        <source>draining</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1063"/>
        <source>Down: not reachable. Draining: in maintenance, no new reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1072"/>
        <source>Pretend the replica has been this far behind for the last rounds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1076"/>
        <source>as set (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1078"/>
        <source>Weight for the weighted and least-connections policies; 0 drains the node</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1143"/>
        <source>in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1143"/>
        <location filename="../ui/src/routing_preview.cpp" line="1150"/>
        <source>out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1144"/>
        <source>%1 of the last samples over the threshold (leaves after 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1145"/>
        <source>Out of the read pool: %1 samples over the threshold; returns after 2 under half of it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1199"/>
        <location filename="../ui/src/routing_preview.cpp" line="1202"/>
        <location filename="../ui/src/routing_preview.cpp" line="1206"/>
        <source>before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1203"/>
        <source>COMMIT (of the last write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1203"/>
        <source>(the session&apos;s last write)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1216"/>
        <source>%1 — would fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1266"/>
        <source>&lt;span style=&apos;font-size:15pt; color:#5b6675;&apos;&gt;Type a statement to see where the router sends it, and why.&lt;/span&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1293"/>
        <source>replica %1 excluded: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1311"/>
        <source>WOULD FAIL: DOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1311"/>
        <source>ROUTED HERE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1316"/>
        <source>ALL BACKENDS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1319"/>
        <source>Routing preview: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1338"/>
        <source>Would fail: the topology has no primary. The router never sends it to a replica instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1340"/>
        <source>Would fail: the primary %1 is down. The router never sends it anywhere else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1350"/>
        <source>(session context) </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1397"/>
        <source>answering, lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1398"/>
        <source>answering, lag unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1401"/>
        <source>not polled yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1404"/>
        <source>unreachable: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1404"/>
        <source>unreachable</source>
        <translation type="unfinished">无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1407"/>
        <source>no answer this round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1410"/>
        <source>replication applier stopped</source>
        <translation type="unfinished">复制应用已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1411"/>
        <source>replication receiver stopped</source>
        <translation type="unfinished">复制接收已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1416"/>
        <source>role unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1432"/>
        <source>HYPOTHETICAL — %1. The cluster is not touched: these routes assume changes that were not made.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1448"/>
        <source>Live: round %1 at %2%3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1452"/>
        <source> (frozen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1455"/>
        <source>File: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1459"/>
        <source>Waiting for the first round (meanwhile: one primary, two replicas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1460"/>
        <source>No cluster: one primary, two replicas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1478"/>
        <source>live snapshot, polling round %1 at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1484"/>
        <source>file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1487"/>
        <source>no cluster open: one primary and two replicas without lag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1499"/>
        <source>## Workload: %1

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1500"/>
        <source>%1 statements: %2 to replicas, %3 to the primary, %4 to all backends.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1504"/>
        <source>| Node | Statements | Share |
|---|---|---|
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1510"/>
        <source>
What keeps statements on the primary:

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1516"/>
        <source>## Reproduce</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1545"/>
        <source>Export routing explanation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1545"/>
        <source>Markdown (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1550"/>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1557"/>
        <source>Route against a topology file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1558"/>
        <source>Topology (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1572"/>
        <source>Load statements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1573"/>
        <source>SQL and logs (*.sql *.log *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1588"/>
        <source>Reading %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1613"/>
        <location filename="../ui/src/routing_preview.cpp" line="1620"/>
        <location filename="../ui/src/routing_preview.cpp" line="1678"/>
        <location filename="../ui/src/routing_preview.cpp" line="1683"/>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1620"/>
        <source>Could not read the file: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview.cpp" line="1645"/>
        <source>Routing %n statement(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview.cpp" line="1720"/>
        <source>%1 statements in %n session(s) from %2 (%3, %4)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1724"/>
        <source>%1 to replicas, %2 to the primary, %3 to all backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1729"/>
        <source>%1 would fail (the primary is down)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview.cpp" line="1733"/>
        <source>%n line(s) skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1735"/>
        <source>hypothetical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1760"/>
        <source>%1 (down: fails)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1766"/>
        <location filename="../ui/src/routing_preview.cpp" line="1791"/>
        <source>all backends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1767"/>
        <location filename="../ui/src/routing_preview.cpp" line="1793"/>
        <source>no primary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1789"/>
        <source>primary</source>
        <translation type="unfinished">主库</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1789"/>
        <source>replica</source>
        <translation type="unfinished">副本</translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1791"/>
        <source>session commands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1800"/>
        <source>%1 (%2 of the primary&apos;s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1810"/>
        <source>For example:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview.cpp" line="1816"/>
        <source>… and %n more shape(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1842"/>
        <source>%1 (routed here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1852"/>
        <source>Open a cluster to run a read on a replica.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1855"/>
        <source>Runs the selected statement on the replica and shows its answer next to the replica&apos;s lag at that moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1876"/>
        <source>Verify needs the open cluster (not a topology file).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1889"/>
        <source>There is no node %1 in the cluster.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1891"/>
        <source>%1 is not a replica; Verify runs reads on replicas only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1912"/>
        <source>Running on %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1932"/>
        <source>No password for the monitor account: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1950"/>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1980"/>
        <source>Cancelled: nothing was read from %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1982"/>
        <source>%1 did not answer the read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1985"/>
        <location filename="../ui/src/routing_preview.cpp" line="1986"/>
        <location filename="../ui/src/routing_preview.cpp" line="2047"/>
        <location filename="../ui/src/routing_preview.cpp" line="2049"/>
        <source>unknown</source>
        <translation type="unfinished">未知</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview.cpp" line="1988"/>
        <source>%1 answered in %2 ms: %n row(s)%3. Its lag at that moment: %4 (the monitor&apos;s last round said %5).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="1993"/>
        <source> (more exist; limit %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="2037"/>
        <source>Ran `%1` on **%2** (monitor account, read-only transaction, at most %3 rows) at %4.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="2042"/>
        <source>It failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/routing_preview.cpp" line="2043"/>
        <source>- %n row(s)%1 in %2 ms
</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="2044"/>
        <source> (more exist)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="2046"/>
        <source>- lag of %1 right after the read: %2
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/routing_preview.cpp" line="2048"/>
        <source>- lag in the monitor&apos;s last round: %1
</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>switchyard::ui::TopologyView</name>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="958"/>
        <location filename="../ui/src/topology_view.cpp" line="1475"/>
        <source>Replication topology</source>
        <translation type="unfinished">复制拓扑</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="1410"/>
        <source>ROUTED HERE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="1478"/>
        <source>Switchyard, polling round %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
