using System.Diagnostics;
using System.Globalization;
using System.Text;
using AutomationScanner.Core.Ingestion.Common;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace AutomationScanner.Core.Ingestion.Ocel;

/// <summary>
/// Reads an OCEL 2.0 SQLite database (ocel-standard.org relational format: event, object, event_object,
/// event_map_type, object_map_type, event_&lt;type&gt; and object_&lt;type&gt; tables). The upload is untrusted: it is
/// copied (size-capped) to a private temporary file, opened read-only and immutable with the schema untrusted, only
/// real tables are queried, string sizes are capped and a progress handler stops runaway queries.
/// </summary>
internal static class OcelSqliteReader
{
    private static readonly TimeSpan QueryLimit = TimeSpan.FromMinutes(30);

    public static void Read(Stream content, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        var file = flattener.File;
        var temporary = Path.Combine(Path.GetTempPath(), "scanner-ocel-" + Guid.NewGuid().ToString("N") + ".sqlite");
        try
        {
            CopyBounded(content, temporary, flattener.Limits.MaxSqliteBytes, file, cancellationToken);
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = new Uri(temporary).AbsoluteUri + "?immutable=1",
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = false,
            };
            using var connection = new SqliteConnection(builder.ToString());
            try
            {
                connection.Open();
                Harden(connection, flattener.Limits, cancellationToken);
                ReadDatabase(connection, flattener, cancellationToken);
            }
            catch (SqliteException ex)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    throw new OperationCanceledException(cancellationToken);
                }

                throw new IngestionException(file, $"not a readable OCEL 2.0 SQLite database: {ex.Message}", inner: ex);
            }
            finally
            {
                connection.Close();
            }
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    private static void Harden(SqliteConnection connection, OcelOptions limits, CancellationToken cancellationToken)
    {
        var handle = connection.Handle!;
        raw.sqlite3_limit(handle, raw.SQLITE_LIMIT_LENGTH, limits.MaxValueBytes);
        raw.sqlite3_limit(handle, raw.SQLITE_LIMIT_EXPR_DEPTH, 200);
        raw.sqlite3_limit(handle, raw.SQLITE_LIMIT_COMPOUND_SELECT, Math.Max(500, limits.MaxTypes));
        var watch = Stopwatch.StartNew();
        raw.sqlite3_progress_handler(handle, 10_000, _ => cancellationToken.IsCancellationRequested || watch.Elapsed > QueryLimit ? 1 : 0, null);
        Execute(connection, "PRAGMA trusted_schema = OFF; PRAGMA query_only = ON; PRAGMA cell_size_check = ON;");
    }

    private static void ReadDatabase(SqliteConnection connection, OcelFlattener flattener, CancellationToken cancellationToken)
    {
        var file = flattener.File;
        var tables = new HashSet<string>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var required in new[] { "event", "object", "event_object", "event_map_type" })
        {
            if (!tables.Contains(required))
            {
                throw new IngestionException(file, $"no table '{required}': not an OCEL 2.0 SQLite database (tables: {string.Join(", ", tables.Order(StringComparer.Ordinal).Take(12))})");
            }
        }

        if (tables.Contains("object_map_type"))
        {
            foreach (var (type, map) in Pairs(connection, "SELECT ocel_type, ocel_type_map FROM object_map_type"))
            {
                var typeId = flattener.InternType(type);
                if (tables.Contains("object_" + map))
                {
                    foreach (var column in Columns(connection, "object_" + map).Where(c => !c.StartsWith("ocel_", StringComparison.Ordinal)))
                    {
                        flattener.DeclareObjectAttribute(typeId, column);
                    }
                }
            }
        }

        using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT ocel_id, ocel_type FROM object";
            using var reader = command.ExecuteReader();
            long row = 0;
            while (reader.Read())
            {
                row++;
                flattener.AddObject(Text(reader, 0), Text(reader, 1), row);
                if ((row & 0xFFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
        }

        flattener.ObjectsComplete();

        var eventTypes = new List<EventTable>();
        foreach (var (type, map) in Pairs(connection, "SELECT ocel_type, ocel_type_map FROM event_map_type"))
        {
            var table = "event_" + map;
            if (!tables.Contains(table))
            {
                flattener.Quality.Add(Mining.DataQualityKinds.MissingField, $"{file}: event type '{type}' has no table '{table}'; its events are skipped");
                continue;
            }

            var columns = Columns(connection, table);
            if (!columns.Contains("ocel_id") || !columns.Contains("ocel_time"))
            {
                throw new IngestionException(file, $"table '{table}' lacks ocel_id or ocel_time", field: table);
            }

            var attributes = columns.Where(c => !c.StartsWith("ocel_", StringComparison.Ordinal)).ToList();
            eventTypes.Add(new EventTable(type, table, attributes.FirstOrDefault(OcelNames.IsResourceAttribute), attributes.FirstOrDefault(OcelNames.IsLifecycleAttribute), attributes));
            flattener.InternActivity(type);
        }

        if (eventTypes.Count == 0)
        {
            return;
        }

        ReadEvents(connection, flattener, eventTypes, cancellationToken);
    }

    private static void ReadEvents(SqliteConnection connection, OcelFlattener flattener, List<EventTable> eventTypes, CancellationToken cancellationToken)
    {
        var union = new StringBuilder();
        for (var i = 0; i < eventTypes.Count; i++)
        {
            var t = eventTypes[i];
            if (i > 0)
            {
                union.Append(" UNION ALL ");
            }

            union.Append(CultureInfo.InvariantCulture, $"SELECT ocel_id AS id, ocel_time AS t, {i} AS k, ")
                .Append(t.Resource is null ? "NULL" : Quote(t.Resource)).Append(" AS r, ")
                .Append(t.Lifecycle is null ? "NULL" : Quote(t.Lifecycle)).Append(" AS l FROM ").Append(Quote(t.Table));
        }

        using var command = connection.CreateCommand();
        command.CommandText = "SELECT u.id, u.t, u.k, u.r, u.l, eo.ocel_object_id, eo.ocel_qualifier FROM (" + union + ") AS u "
            + "JOIN event AS e ON e.ocel_id = u.id LEFT JOIN event_object AS eo ON eo.ocel_event_id = u.id ORDER BY u.t, e.rowid, eo.rowid";
        using var reader = command.ExecuteReader();
        string? current = null;
        long row = 0;
        long eventRow = 0;
        while (reader.Read())
        {
            row++;
            var id = Text(reader, 0);
            if (current is null || !string.Equals(id, current, StringComparison.Ordinal))
            {
                if (current is not null)
                {
                    flattener.EndEvent(eventRow);
                }

                current = id;
                eventRow = row;
                var table = eventTypes[reader.GetInt32(2)];
                flattener.BeginEvent();
                flattener.SetEventId(id);
                flattener.SetActivity(table.Type);
                flattener.SetTime(Text(reader, 1));
                if (table.Resource is not null)
                {
                    flattener.AddEventAttribute(table.Resource, Text(reader, 3));
                }

                if (table.Lifecycle is not null)
                {
                    flattener.AddEventAttribute(table.Lifecycle, Text(reader, 4));
                }

                foreach (var attribute in table.Attributes)
                {
                    flattener.AddEventAttribute(attribute, []);
                }

                if ((eventRow & 0x3FFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            if (!reader.IsDBNull(5))
            {
                flattener.AddRelation(reader.GetString(5), reader.IsDBNull(6) ? -1 : flattener.InternQualifier(reader.GetString(6)), row);
            }
        }

        if (current is not null)
        {
            flattener.EndEvent(eventRow);
        }
    }

    private static string Text(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? string.Empty : reader.GetString(ordinal);

    private static List<(string Type, string Map)> Pairs(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var pairs = new List<(string, string)>();
        while (reader.Read())
        {
            pairs.Add((Text(reader, 0), Text(reader, 1)));
        }

        return pairs;
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static void CopyBounded(Stream content, string path, long maxBytes, string file, CancellationToken cancellationToken)
    {
        using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 0x10000);
        var buffer = new byte[0x10000];
        long total = 0;
        int read;
        while ((read = content.Read(buffer, 0, buffer.Length)) > 0)
        {
            total += read;
            if (total > maxBytes)
            {
                throw new IngestionException(file, string.Create(CultureInfo.InvariantCulture, $"the SQLite database is larger than {maxBytes:N0} bytes (Ingestion Ocel MaxSqliteBytes)"));
            }

            output.Write(buffer, 0, read);
            if ((total & 0xFFFFFF) < 0x10000)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // A temporary copy that cannot be removed now is left to the temp folder's cleanup.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }

    private sealed record EventTable(string Type, string Table, string? Resource, string? Lifecycle, List<string> Attributes);
}
