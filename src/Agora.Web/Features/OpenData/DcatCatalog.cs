using System.Globalization;
using Agora.Web.Infrastructure.OpenData;

namespace Agora.Web.Features.OpenData;

/// <summary>
/// The DCAT-AP 3.0 description of the portal: the catalogue, its publisher, every dataset with its CSV and JSON
/// distributions, and the REST API as a data service. Harvesters (data.egov.bg, data.europa.eu) read
/// /open-data/catalog.ttl or /open-data/catalog.jsonld. The EU controlled-vocabulary terms used (licence, file
/// types, languages, frequency, theme, publisher type) are typed in the graph too, so the official SHACL shapes
/// validate it without fetching anything.
/// </summary>
public static class DcatCatalog
{
    public const string License = "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0";
    private const string Language = "http://publications.europa.eu/resource/authority/language/";
    private const string FileType = "http://publications.europa.eu/resource/authority/file-type/";
    private const string Frequency = "http://publications.europa.eu/resource/authority/frequency/";
    private const string Theme = "http://publications.europa.eu/resource/authority/data-theme/GOVE";
    private const string ThemeScheme = "http://publications.europa.eu/resource/authority/data-theme";
    private const string LocalAuthority = "http://purl.org/adms/publishertype/LocalAuthority";
    private const string PublisherTypes = "http://purl.org/adms/publishertype/1.0";
    private const string IanaMediaType = "http://www.iana.org/assignments/media-types/";
    private const string Xsd = RdfGraph.Xsd;

    public static RdfGraph Build(string root, IReadOnlyList<(IOpenDataset Dataset, IReadOnlyDictionary<OpenDataFormat, OpenDataFile?> Files)> datasets, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        var g = new RdfGraph();
        var catalog = root + "/open-data/catalog";
        var publisher = root + "/#publisher";
        var service = root + "/api/v1";
        static RdfTerm Bg(string s) => RdfTerm.Text(s, "bg");
        static RdfTerm En(string s) => RdfTerm.Text(s, "en");
        static RdfTerm When(DateTime t) => RdfTerm.Typed(DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture), Xsd + "dateTime");
        var modified = datasets.SelectMany(d => d.Files.Values).Where(f => f != null).Select(f => f!.Modified).DefaultIfEmpty(now).Max();

        g.Type(catalog, "dcat:Catalog")
            .Add(catalog, "dct:title", Bg("Отворени данни на Агора — Столична община"))
            .Add(catalog, "dct:title", En("Agora open data — Sofia Municipality"))
            .Add(catalog, "dct:description", Bg("Данни от платформата за гражданско участие Агора: процеси, събития, организации, новини, предложения, дебати, коментари и ръководства. Лиценз CC BY 4.0."))
            .Add(catalog, "dct:description", En("Data from Agora, the civic participation platform: processes, events, organisations, news, proposals, debates, comments and guides. Licence CC BY 4.0."))
            .Add(catalog, "dct:publisher", RdfTerm.Iri(publisher))
            .Add(catalog, "foaf:homepage", RdfTerm.Iri(root + "/open-data"))
            .Add(catalog, "dct:language", RdfTerm.Iri(Language + "BUL"))
            .Add(catalog, "dct:language", RdfTerm.Iri(Language + "ENG"))
            .Add(catalog, "dct:license", RdfTerm.Iri(License))
            .Add(catalog, "dct:modified", When(modified))
            .Add(catalog, "dcat:themeTaxonomy", RdfTerm.Iri(ThemeScheme))
            .Add(catalog, "dcat:service", RdfTerm.Iri(service));

        g.Type(root + "/open-data", "foaf:Document");
        g.Type(publisher, "foaf:Agent")
            .Add(publisher, "foaf:name", Bg("Столична община"))
            .Add(publisher, "foaf:name", En("Sofia Municipality"))
            .Add(publisher, "dct:type", RdfTerm.Iri(LocalAuthority))
            .Add(publisher, "foaf:homepage", RdfTerm.Iri("https://www.sofia.bg"));

        g.Type(service, "dcat:DataService")
            .Add(service, "dct:title", Bg("REST API на Агора"))
            .Add(service, "dct:title", En("Agora REST API"))
            .Add(service, "dct:description", Bg("Същите данни, четени програмно, с описание OpenAPI."))
            .Add(service, "dct:description", En("The same data, read programmatically, described with OpenAPI."))
            .Add(service, "dcat:endpointURL", RdfTerm.Iri(service))
            .Add(service, "dcat:endpointDescription", RdfTerm.Iri(root + "/openapi/v1.json"))
            .Add(service, "dct:publisher", RdfTerm.Iri(publisher))
            .Add(service, "dct:license", RdfTerm.Iri(License));

        foreach (var (dataset, files) in datasets)
        {
            var id = root + "/open-data/" + dataset.Name;
            var landing = root + "/open-data#" + dataset.Name;
            g.Add(catalog, "dcat:dataset", RdfTerm.Iri(id));
            g.Add(service, "dcat:servesDataset", RdfTerm.Iri(id));
            g.Type(id, "dcat:Dataset")
                .Add(id, "dct:identifier", new RdfTerm(dataset.Name, false))
                .Add(id, "dct:title", Bg(dataset.Title.Bg))
                .Add(id, "dct:title", En(dataset.Title.En))
                .Add(id, "dct:description", Bg(dataset.Description.Bg))
                .Add(id, "dct:description", En(dataset.Description.En))
                .Add(id, "dct:publisher", RdfTerm.Iri(publisher))
                .Add(id, "dct:accrualPeriodicity", RdfTerm.Iri(Frequency + dataset.Frequency))
                .Add(id, "dct:language", RdfTerm.Iri(Language + "BUL"))
                .Add(id, "dct:language", RdfTerm.Iri(Language + "ENG"))
                .Add(id, "dcat:theme", RdfTerm.Iri(Theme))
                .Add(id, "dcat:landingPage", RdfTerm.Iri(landing));
            g.Type(landing, "foaf:Document");
            foreach (var keyword in dataset.Keywords)
            {
                g.Add(id, "dcat:keyword", Bg(keyword.Bg));
                g.Add(id, "dcat:keyword", En(keyword.En));
            }
            var datasetModified = files.Values.Where(f => f != null).Select(f => f!.Modified).DefaultIfEmpty().Max();
            if (datasetModified != default)
                g.Add(id, "dct:modified", When(datasetModified));
            foreach (var format in OpenDataFormat.All)
            {
                var url = $"{root}/open-data/{dataset.Name}.{format.Extension}";
                g.Add(id, "dcat:distribution", RdfTerm.Iri(url));
                g.Type(url, "dcat:Distribution")
                    .Add(url, "dct:title", Bg($"{dataset.Title.Bg} ({format.EuFileType})"))
                    .Add(url, "dct:title", En($"{dataset.Title.En} ({format.EuFileType})"))
                    .Add(url, "dcat:accessURL", RdfTerm.Iri(root + "/open-data"))
                    .Add(url, "dcat:downloadURL", RdfTerm.Iri(url))
                    .Add(url, "dct:format", RdfTerm.Iri(FileType + format.EuFileType))
                    .Add(url, "dcat:mediaType", RdfTerm.Iri(IanaMediaType + format.MediaType))
                    .Add(url, "dct:license", RdfTerm.Iri(License));
                if (files.TryGetValue(format, out var file) && file != null)
                {
                    g.Add(url, "dcat:byteSize", RdfTerm.Typed(file.Size.ToString(CultureInfo.InvariantCulture), Xsd + "nonNegativeInteger"));
                    g.Add(url, "dct:modified", When(file.Modified));
                }
            }
        }

        // The controlled-vocabulary terms, typed as the shapes' sh:class constraints expect.
        g.Type(License, "dct:LicenseDocument").Add(License, "dct:title", En("Creative Commons Attribution 4.0 International"));
        foreach (var (code, bg, en) in new[] { ("BUL", "български", "Bulgarian"), ("ENG", "английски", "English") })
            g.Type(Language + code, "dct:LinguisticSystem").Add(Language + code, "skos:prefLabel", Bg(bg)).Add(Language + code, "skos:prefLabel", En(en));
        foreach (var format in OpenDataFormat.All)
        {
            g.Type(FileType + format.EuFileType, "dct:MediaTypeOrExtent");
            g.Type(IanaMediaType + format.MediaType, "dct:MediaType");
        }
        foreach (var frequency in datasets.Select(d => d.Dataset.Frequency).Distinct(StringComparer.Ordinal))
            g.Type(Frequency + frequency, "dct:Frequency");
        g.Type(Theme, "skos:Concept").Add(Theme, "skos:prefLabel", Bg("Правителство и публичен сектор")).Add(Theme, "skos:prefLabel", En("Government and public sector"))
            .Add(Theme, "skos:inScheme", RdfTerm.Iri(ThemeScheme));
        g.Type(ThemeScheme, "skos:ConceptScheme").Add(ThemeScheme, "dct:title", En("Data theme"));
        g.Type(LocalAuthority, "skos:Concept").Add(LocalAuthority, "skos:prefLabel", En("Local Authority"))
            .Add(LocalAuthority, "skos:inScheme", RdfTerm.Iri(PublisherTypes));
        g.Type(PublisherTypes, "skos:ConceptScheme").Add(PublisherTypes, "dct:title", En("Publisher type"));
        return g;
    }
}
