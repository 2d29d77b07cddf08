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
        <location filename="../app/cli/cmd_sandbox.cpp" line="90"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="105"/>
        <location filename="../ui/src/topology_view.cpp" line="92"/>
        <source>running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="92"/>
        <source>partly running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="93"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="105"/>
        <location filename="../ui/src/topology_view.cpp" line="94"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="99"/>
        <source>NODE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="99"/>
        <source>ADDRESS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="99"/>
        <source>ROLE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="100"/>
        <source>PID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="100"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="305"/>
        <source>STATE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="100"/>
        <source>DATA DIRECTORY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="112"/>
        <source>Accounts (from %1/credentials):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="118"/>
        <source>monitor (read-only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="119"/>
        <source>admin (topology changes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="120"/>
        <source>replication</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="121"/>
        <source>application (database %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="135"/>
        <source>unexpected argument &quot;%1&quot; (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="142"/>
        <source>Directory that holds the sandboxes (default: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="150"/>
        <location filename="../app/cli/cmd_topology.cpp" line="26"/>
        <source>Print JSON.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="157"/>
        <source>Name of the sandbox (default: the engine&apos;s name).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="159"/>
        <source>Name of the sandbox.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="176"/>
        <source>Create and start a local sandbox cluster on 127.0.0.1, start it again when it is stopped, or report it when it runs. Registers a cluster profile with the sandbox&apos;s name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="178"/>
        <source>mariadb or postgres.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="180"/>
        <source>Number of replicas (default: MariaDB 2, PostgreSQL 1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="183"/>
        <source>Port of the primary; replicas use the next ones (default: MariaDB 23306, PostgreSQL 25432).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="196"/>
        <source>--engine takes mariadb or postgres, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="202"/>
        <source>--engine is required to create sandbox &quot;%1&quot; (mariadb or postgres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="206"/>
        <source>--engine is required (mariadb or postgres)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="212"/>
        <source>--replicas takes a number of replicas, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="218"/>
        <source>--base-port takes a port number, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="229"/>
        <source>sandbox &quot;%1&quot; is up, but its profile could not be registered: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="243"/>
        <source>%1 sandbox &quot;%2&quot; is already running; nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="245"/>
        <source>%1 sandbox &quot;%2&quot; started again in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="247"/>
        <source>%1 sandbox &quot;%2&quot; created and started in %3 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="249"/>
        <source>Profile &quot;%1&quot; is registered: switchyard --profile %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="251"/>
        <source>Credentials: switchyard-cli sandbox status --name %1%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="259"/>
        <source>Show a sandbox: its nodes (address, role, pid, data directory, running or not) and its accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="265"/>
        <location filename="../app/cli/cmd_sandbox.cpp" line="329"/>
        <source>--name is required (see switchyard-cli sandbox list)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="274"/>
        <source>%1 sandbox &quot;%2&quot; in %3: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="284"/>
        <source>List the sandboxes in a directory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="301"/>
        <source>No sandboxes in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="304"/>
        <source>NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="304"/>
        <source>ENGINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="305"/>
        <location filename="../ui/src/snapshot_json.cpp" line="152"/>
        <source>NODES</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="322"/>
        <source>Stop a sandbox&apos;s servers and remove all its data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="323"/>
        <source>Stop exactly the servers a sandbox started and wait until they have exited; the data stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="334"/>
        <source>Sandbox &quot;%1&quot; stopped and removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="335"/>
        <source>Sandbox &quot;%1&quot; stopped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="341"/>
        <source>Usage: %1 &lt;up|status|list|down|destroy&gt; [options]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="343"/>
        <source>Local sandbox clusters on 127.0.0.1: a MariaDB primary with GTID replicas, or a PostgreSQL primary with streaming standbys.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="346"/>
        <source>  up       create, start again, or report a running sandbox; registers a profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="347"/>
        <source>  status   nodes, roles, pids, data directories and accounts of a sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="348"/>
        <source>  list     the sandboxes in a directory</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="349"/>
        <source>  down     stop a sandbox&apos;s servers (the data stays)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="350"/>
        <source>  destroy  stop a sandbox and remove its data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="352"/>
        <source>Run &apos;%1 &lt;subcommand&gt; --help&apos; for its options.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="362"/>
        <source>sandbox needs a subcommand: up, status, list, down or destroy (see --help)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_sandbox.cpp" line="380"/>
        <source>unknown sandbox subcommand &quot;%1&quot; (up, status, list, down, destroy)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../app/cli/cmd_topology.cpp" line="17"/>
        <source>Discover the replication topology from a profile or one seed node and print its nodes, replication edges and problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
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
        <location filename="../app/cli/main.cpp" line="65"/>
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
        <location filename="../ui/src/main_window.cpp" line="43"/>
        <location filename="../ui/src/profile_dialog.cpp" line="57"/>
        <source>PostgreSQL</source>
        <translation>PostgreSQL</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="43"/>
        <location filename="../ui/src/profile_dialog.cpp" line="56"/>
        <source>MySQL / MariaDB</source>
        <translation>MySQL / MariaDB</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="60"/>
        <source>The sandbox &quot;%1&quot; is running, but its profile could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="64"/>
        <source>Sandbox &quot;%1&quot; was already running</source>
        <translation>沙箱“%1”已在运行</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="65"/>
        <source>Sandbox &quot;%1&quot; restarted</source>
        <translation>沙箱“%1”已重新启动</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="66"/>
        <source>Sandbox &quot;%1&quot; deployed in %2 s</source>
        <translation>沙箱“%1”已在 %2 秒内部署</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="75"/>
        <source>Could not start the sandbox: %1</source>
        <translation>无法启动沙箱：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="86"/>
        <source>Switchyard</source>
        <translation>Switchyard</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="89"/>
        <source>&amp;Cluster</source>
        <translation>集群(&amp;C)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="90"/>
        <source>&amp;New profile…</source>
        <translation>新建配置(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="91"/>
        <source>&amp;Import profile…</source>
        <translation>导入配置(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="92"/>
        <source>&amp;Reload profiles</source>
        <translation>重新加载配置(&amp;R)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="93"/>
        <source>Start &amp;MariaDB sandbox</source>
        <translation>启动 &amp;MariaDB 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="94"/>
        <source>Start &amp;PostgreSQL sandbox</source>
        <translation>启动 &amp;PostgreSQL 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="96"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="102"/>
        <source>Clusters</source>
        <translation>集群</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="113"/>
        <location filename="../ui/src/main_window.cpp" line="128"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="114"/>
        <location filename="../ui/src/main_window.cpp" line="136"/>
        <source>New…</source>
        <translation>新建…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="129"/>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="130"/>
        <source>Duplicate…</source>
        <translation>复制…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="131"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="133"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="137"/>
        <source>Import…</source>
        <translation>导入…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="151"/>
        <source>&lt;h2&gt;Switchyard&lt;/h2&gt;&lt;p&gt;Open a cluster profile on the left, or start a local sandbox cluster to try the console.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="158"/>
        <source>Start MariaDB sandbox</source>
        <translation>启动 MariaDB 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="159"/>
        <source>Start PostgreSQL sandbox</source>
        <translation>启动 PostgreSQL 沙箱</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="218"/>
        <source>No cluster open</source>
        <translation>未打开集群</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/main_window.cpp" line="235"/>
        <source>%1 · %n seed node(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="245"/>
        <source>Skipped %1: it %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="273"/>
        <source>%1 · monitor user %2 · polling every %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="278"/>
        <source>Looking up credentials…</source>
        <translation>正在查找凭据…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="299"/>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="301"/>
        <source>%1.

Enter the password of %2 for cluster &quot;%3&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="306"/>
        <source>Remember in the system keychain</source>
        <translation>保存到系统钥匙串</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="317"/>
        <source>Not connected to &quot;%1&quot;: no password given</source>
        <translation>未连接到“%1”：未提供密码</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="326"/>
        <source>The password could not be saved in the keychain: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/main_window.cpp" line="345"/>
        <source>Connecting to %n node(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="364"/>
        <source>Round %1 · %2 of %3 nodes answered · %4</source>
        <translation>第 %1 轮 · %3 个节点中 %2 个已响应 · %4</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="372"/>
        <location filename="../ui/src/problems_model.cpp" line="42"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="391"/>
        <source>Starting the %1 sandbox on 127.0.0.1… (a few seconds the first time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="392"/>
        <source>Starting sandbox…</source>
        <translation>正在启动沙箱…</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="419"/>
        <source>New cluster</source>
        <translation>新集群</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="420"/>
        <source>New cluster profile</source>
        <translation>新建集群配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="431"/>
        <source>Edit &quot;%1&quot;</source>
        <translation>编辑“%1”</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="445"/>
        <source>Duplicate &quot;%1&quot;</source>
        <translation>复制“%1”</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="453"/>
        <source>The profile &quot;%1&quot; was not saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="463"/>
        <source>The password of %1 could not be stored in the keychain (%2); it will be asked for when the profile is opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="477"/>
        <source>Delete profile</source>
        <translation>删除配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="478"/>
        <source>Delete the profile &quot;%1&quot;? The cluster itself is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="496"/>
        <source>Import profile</source>
        <translation>导入配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="497"/>
        <location filename="../ui/src/main_window.cpp" line="516"/>
        <source>Switchyard profiles (*.json)</source>
        <translation>Switchyard 配置 (*.json)</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="515"/>
        <source>Export profile</source>
        <translation>导出配置</translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="523"/>
        <source>Exported &quot;%1&quot; to %2 (no passwords)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/main_window.cpp" line="553"/>
        <location filename="../ui/src/tr.cpp" line="20"/>
        <source>Not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="52"/>
        <location filename="../ui/src/node_table_model.cpp" line="115"/>
        <location filename="../ui/src/node_table_model.cpp" line="121"/>
        <location filename="../ui/src/topology_view.cpp" line="98"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="55"/>
        <location filename="../ui/src/node_table_model.cpp" line="56"/>
        <location filename="../ui/src/topology_view.cpp" line="483"/>
        <location filename="../ui/src/topology_view.cpp" line="485"/>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="62"/>
        <location filename="../ui/src/topology_view.cpp" line="434"/>
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
        <location filename="../ui/src/node_table_model.cpp" line="67"/>
        <location filename="../ui/src/topology_view.cpp" line="430"/>
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
        <source>replicating</source>
        <translation>正在复制</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="80"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="113"/>
        <source>primary</source>
        <translation>主库</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="114"/>
        <source>replica</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="122"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="122"/>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="129"/>
        <source>Last answer %1</source>
        <translation>上次响应 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="156"/>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="157"/>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="158"/>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="159"/>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="160"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="161"/>
        <source>Lag</source>
        <translation>延迟</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="162"/>
        <source>Replicates from</source>
        <translation>复制来源</translation>
    </message>
    <message>
        <location filename="../ui/src/node_table_model.cpp" line="163"/>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="17"/>
        <source>Primary unreachable</source>
        <translation>主库无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="18"/>
        <source>Node unreachable</source>
        <translation>节点无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="19"/>
        <source>Replication receiver (IO thread) stopped</source>
        <translation>复制接收（IO 线程）已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="20"/>
        <source>Replication applier (SQL thread) stopped</source>
        <translation>复制应用（SQL 线程）已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="21"/>
        <source>Replication error</source>
        <translation>复制错误</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="22"/>
        <source>Replication lag over the warning threshold</source>
        <translation>复制延迟超过警告阈值</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="23"/>
        <source>Replication lag over the critical threshold</source>
        <translation>复制延迟超过严重阈值</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="24"/>
        <source>Replication lag unknown</source>
        <translation>复制延迟未知</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="25"/>
        <source>Read-only setting does not match the role</source>
        <translation>只读设置与角色不符</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="26"/>
        <source>More than one writable primary</source>
        <translation>存在多个可写主库</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="27"/>
        <source>No primary</source>
        <translation>没有主库</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="28"/>
        <source>Errant transactions (GTIDs only on a replica)</source>
        <translation>错误事务（仅存在于副本的 GTID）</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="29"/>
        <source>Inactive replication slot retaining WAL</source>
        <translation>未使用的复制槽占用 WAL</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="30"/>
        <source>Would block a switchover</source>
        <translation>会阻碍切换</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="32"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="51"/>
        <source>Critical</source>
        <translation>严重</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="52"/>
        <location filename="../ui/src/problems_model.cpp" line="55"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="53"/>
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
        <location filename="../ui/src/profile.cpp" line="127"/>
        <source>written by a newer Switchyard (format %1; this one reads up to %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="138"/>
        <source>field &quot;engine&quot; must be &quot;mysql&quot;, &quot;mariadb&quot; or &quot;postgres&quot;, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="145"/>
        <source>field &quot;seeds&quot; must be a list of nodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="151"/>
        <source>seed %1 must be an object with &quot;host&quot; and &quot;port&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="159"/>
        <source>seed %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="176"/>
        <source>field &quot;tls.mode&quot; must be disabled, preferred, required, verify-ca or verify-identity, not &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="203"/>
        <source>the profile has no name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="205"/>
        <source>the profile name &quot;%1&quot; may not contain / or \ or start with a dot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="207"/>
        <source>the profile has no seed node: add at least one host and port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="210"/>
        <source>a seed node has no host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="212"/>
        <source>seed node %1 has no port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="215"/>
        <source>the profile has no monitor user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="217"/>
        <source>TLS mode %1 needs a CA file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/profile.cpp" line="219"/>
        <source>the critical lag threshold (%1 s) is below the warning threshold (%2 s)</source>
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
        <location filename="../ui/src/topology_view.cpp" line="93"/>
        <source>lagging</source>
        <translation>延迟中</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="95"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="429"/>
        <source>reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="431"/>
        <source>no answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="488"/>
        <source>%1 min %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="490"/>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="491"/>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="496"/>
        <source>lag %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="496"/>
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
        <location filename="../ui/src/tr.cpp" line="35"/>
        <source>%1 on %2</source>
        <translation>%2 上%1</translation>
    </message>
    <message>
        <location filename="../ui/src/tr.cpp" line="39"/>
        <source> (error %1)</source>
        <translation>（错误 %1）</translation>
    </message>
</context>
<context>
    <name>TopologyView</name>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="728"/>
        <location filename="../ui/src/topology_view.cpp" line="1171"/>
        <source>Replication topology</source>
        <translation>复制拓扑</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="1173"/>
        <source>Switchyard, polling round %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tr</name>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="219"/>
        <source>Severity</source>
        <translation>严重程度</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="220"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="221"/>
        <source>Node(s)</source>
        <translation>节点</translation>
    </message>
    <message>
        <location filename="../ui/src/problems_model.cpp" line="222"/>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="534"/>
        <source>PRIMARY</source>
        <translation>主库</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="538"/>
        <source>REPLICA</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="542"/>
        <source>UNKNOWN</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="547"/>
        <source>RO/RW ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="549"/>
        <source>RO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="549"/>
        <source>RW</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="563"/>
        <source>NO ANSWER</source>
        <translation>无响应</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="563"/>
        <source>UNREACHABLE</source>
        <translation>无法访问</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="566"/>
        <source>connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="571"/>
        <source>replication stopped</source>
        <translation>复制已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="574"/>
        <source>WAL receiver stopped</source>
        <translation>WAL 接收已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="574"/>
        <source>IO thread stopped</source>
        <translation>IO 线程已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="577"/>
        <source>replay paused</source>
        <translation>回放已暂停</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="577"/>
        <source>SQL thread stopped</source>
        <translation>SQL 线程已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="580"/>
        <source>replication error</source>
        <translation>复制错误</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/topology_view.cpp" line="583"/>
        <source>relays to %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="585"/>
        <source>replicating</source>
        <translation>正在复制</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/src/topology_view.cpp" line="588"/>
        <source>online · %n replica(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="588"/>
        <source>online</source>
        <translation>在线</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="602"/>
        <source>Primary</source>
        <translation>主库</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="603"/>
        <source>Replica</source>
        <translation>副本</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="604"/>
        <source>Role unknown</source>
        <translation>角色未知</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="606"/>
        <source>read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="606"/>
        <source>writable</source>
        <translation>可写</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="609"/>
        <source>Version: %1</source>
        <translation>版本：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="610"/>
        <location filename="../ui/src/topology_view.cpp" line="647"/>
        <source>State: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="612"/>
        <source>Reason: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="614"/>
        <location filename="../ui/src/topology_view.cpp" line="648"/>
        <source>Lag: %1</source>
        <translation>延迟：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="614"/>
        <location filename="../ui/src/topology_view.cpp" line="648"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="616"/>
        <source>Replicates from %1</source>
        <translation>复制来源 %1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="618"/>
        <source>Replication error: %1</source>
        <translation>复制错误：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="620"/>
        <source>Last answer: %1</source>
        <translation>上次响应：%1</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="622"/>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="635"/>
        <source>lag ?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="636"/>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="637"/>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="638"/>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="641"/>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="644"/>
        <source>%1 → %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="646"/>
        <source>Channel: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="653"/>
        <source>Receiver error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/src/topology_view.cpp" line="655"/>
        <source>Applier error: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
