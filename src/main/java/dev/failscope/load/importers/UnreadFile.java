package dev.failscope.load.importers;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a file that no importer reads looks like, and what to do about it: the text of an
 * {@code unrecognized-file} info, so no file in a folder is skipped in silence.
 */
public final class UnreadFile {
    /** Rule id of the info finding for a file in a directory that no importer reads. */
    public static final String RULE = "unrecognized-file";

    /** The Terraform resource types the HCL and plan importers read. */
    public static final String TERRAFORM_RESOURCES = "aws_db_instance, aws_rds_cluster, aws_rds_cluster_instance, "
            + "aws_rds_global_cluster, google_sql_database_instance";

    private static final Pattern HAPROXY = Pattern.compile("(?m)^\\s*(listen|backend|frontend)\\s+\\S+");

    private UnreadFile() {}

    /** "what it looks like: what to do". */
    public static String describe(SourceText source) {
        String ext = source.file().extension();
        String name = source.display().toLowerCase(Locale.ROOT);
        String text = source.text();
        if (ext.equals("tf") || ext.equals("tfvars")) {
            return terraform();
        }
        if (ext.equals("js")) {
            return text.contains("rs.initiate") ? "a MongoDB replica-set init script (rs.initiate): Failscope does "
                    + "not read MongoDB; describe the replica set in a native topology file"
                    : "JavaScript: Failscope reads configuration files, not scripts";
        }
        if (name.contains("pgpool")) {
            return "a pgpool-II config whose backend_hostnameN, failover_command and use_watchdog lines are all "
                    + "commented out: nothing to read (the pgpool importer reads them once set)";
        }
        if (HAPROXY.matcher(text).find()) {
            return "an HAProxy config without server, bind, mode, option or default_backend lines: nothing to read";
        }
        if (text.contains("MySQLTopologyUser") || text.contains("RecoverMasterClusterFilters")) {
            return "an Orchestrator config: Orchestrator discovers the topology at run time, so this file names no "
                    + "servers; not read";
        }
        if (source.structured() && source.maps().stream().anyMatch(m -> m.get("services").isPresent())) {
            return "a Docker Compose file: the services' command lines are not read; load the config files they "
                    + "mount";
        }
        if (ext.equals("ini")) {
            return "an INI file that is neither an MHA config ([server default], [serverN]), an Ansible "
                    + "inventory with hosts, nor a PgBouncer config ([databases], [pgbouncer])";
        }
        if (ext.equals("env") || ext.equals("properties") || name.endsWith("/.env") || name.equals(".env")) {
            return "an application config without a connection string (postgresql://, jdbc:postgresql://, "
                    + "mysql://, redis://, a Sentinel URL, or host=… port=…)";
        }
        if (ext.equals("sample")) {
            return "a sample config: load the file it is copied to, if it is in a format Failscope reads";
        }
        return "not a format Failscope reads";
    }

    /** The hint for a Terraform HCL file with nothing Failscope reads in it. */
    public static String terraform() {
        return "Terraform HCL without a resource Failscope reads (it reads " + TERRAFORM_RESOURCES + "); for a "
                + "plan, load the output of 'terraform show -json PLANFILE'";
    }
}
