using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace Agora.Web.Features.OpenData;

/// <summary>An RDF term: an IRI, or a literal with a language tag or a datatype.</summary>
public sealed record RdfTerm(string Value, bool IsIri, string? Language = null, string? Datatype = null)
{
    public static RdfTerm Iri(string iri) => new(iri, true);
    public static RdfTerm Text(string text, string language) => new(text, false, language);
    public static RdfTerm Typed(string value, string datatype) => new(value, false, null, datatype);
}

/// <summary>
/// A small RDF graph for the catalogue (a few hundred triples at most), written as Turtle or as JSON-LD. Prefixes
/// are the usual DCAT-AP ones; both serialisations carry the same triples, so harvesters may take either.
/// </summary>
public sealed class RdfGraph
{
    public const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    public static readonly IReadOnlyList<(string Prefix, string Ns)> Prefixes =
    [
        ("dcat", "http://www.w3.org/ns/dcat#"),
        ("dct", "http://purl.org/dc/terms/"),
        ("foaf", "http://xmlns.com/foaf/0.1/"),
        ("skos", "http://www.w3.org/2004/02/skos/core#"),
        ("vcard", "http://www.w3.org/2006/vcard/ns#"),
        ("rdf", Rdf),
        ("xsd", Xsd),
    ];

    private readonly List<(string Subject, string Predicate, RdfTerm Object)> triples = [];

    public int Count => triples.Count;

    /// <summary>Adds a triple; predicates may be written with a prefix ("dct:title").</summary>
    public RdfGraph Add(string subject, string predicate, RdfTerm obj)
    {
        triples.Add((subject, Expand(predicate), obj));
        return this;
    }

    public RdfGraph Type(string subject, string type) => Add(subject, "rdf:type", RdfTerm.Iri(Expand(type)));

    public static string Expand(string name)
    {
        foreach (var (prefix, ns) in Prefixes)
            if (name.StartsWith(prefix + ":", StringComparison.Ordinal))
                return ns + name[(prefix.Length + 1)..];
        return name;
    }

    private static string Compact(string iri)
    {
        foreach (var (prefix, ns) in Prefixes)
        {
            if (iri.StartsWith(ns, StringComparison.Ordinal))
            {
                var local = iri[ns.Length..];
                if (local.Length > 0 && local.All(c => char.IsAsciiLetterOrDigit(c) || c == '_') && char.IsAsciiLetter(local[0]))
                    return prefix + ":" + local;
            }
        }
        return "<" + EscapeIri(iri) + ">";
    }

    private static string EscapeIri(string iri)
    {
        var sb = new StringBuilder(iri.Length);
        foreach (var c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
                sb.Append(CultureInfo.InvariantCulture, $"%{(int)c:X2}");
            else
                sb.Append(c);
        }
        return sb.ToString();
    }

    private static string Literal(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                        sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    else
                        sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    private static string Term(RdfTerm t)
    {
        if (t.IsIri)
            return Compact(t.Value);
        if (t.Language != null)
            return Literal(t.Value) + "@" + t.Language;
        if (t.Datatype != null)
            return Literal(t.Value) + "^^" + Compact(t.Datatype);
        return Literal(t.Value);
    }

    public string ToTurtle()
    {
        var sb = new StringBuilder();
        foreach (var (prefix, ns) in Prefixes)
            sb.Append("@prefix ").Append(prefix).Append(": <").Append(ns).Append("> .\n");
        foreach (var subject in triples.GroupBy(t => t.Subject))
        {
            sb.Append('\n').Append(Compact(subject.Key));
            var first = true;
            foreach (var byPredicate in subject.GroupBy(t => t.Predicate))
            {
                sb.Append(first ? "\n    " : " ;\n    ");
                first = false;
                sb.Append(byPredicate.Key == Rdf + "type" ? "a" : Compact(byPredicate.Key)).Append(' ');
                sb.AppendJoin(", ", byPredicate.Select(t => Term(t.Object)));
            }
            sb.Append(" .\n");
        }
        return sb.ToString();
    }

    public byte[] ToJsonLd()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) }))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            foreach (var (prefix, ns) in Prefixes)
                w.WriteString(prefix, ns);
            w.WriteEndObject();
            w.WriteStartArray("@graph");
            foreach (var subject in triples.GroupBy(t => t.Subject))
            {
                w.WriteStartObject();
                w.WriteString("@id", subject.Key);
                var types = subject.Where(t => t.Predicate == Rdf + "type").Select(t => t.Object.Value).ToList();
                if (types.Count > 0)
                {
                    w.WriteStartArray("@type");
                    foreach (var type in types)
                        w.WriteStringValue(type);
                    w.WriteEndArray();
                }
                foreach (var byPredicate in subject.Where(t => t.Predicate != Rdf + "type").GroupBy(t => t.Predicate))
                {
                    w.WriteStartArray(byPredicate.Key);
                    foreach (var (_, _, o) in byPredicate)
                    {
                        w.WriteStartObject();
                        if (o.IsIri)
                            w.WriteString("@id", o.Value);
                        else
                        {
                            w.WriteString("@value", o.Value);
                            if (o.Language != null)
                                w.WriteString("@language", o.Language);
                            else if (o.Datatype != null)
                                w.WriteString("@type", o.Datatype);
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return stream.ToArray();
    }
}
