using InnovationCases.Domain;

namespace InnovationCases.Data.DemoData;

/// <summary>Believable Danish project ideas for the demo data, spread over the themes.</summary>
internal static class DemoCatalog
{
    /// <summary>Demo wage sums for <see cref="StarterSetup.Departments"/>, by department code.</summary>
    public static readonly IReadOnlyDictionary<string, long> WageSums = new Dictionary<string, long>
    {
        ["BA"] = 452_000_000,
        ["MBU"] = 2_310_000_000,
        ["MSB"] = 1_085_000_000,
        ["MSO"] = 1_012_000_000,
        ["MKB"] = 228_000_000,
        ["MTM"] = 246_000_000,
    };

    public static readonly (Theme Theme, string Title, string Summary)[] Ideas =
    [
        (Theme.WelfareTechnology, "Skylletoiletter i plejeboliger", "Skylle- og tørretoiletter giver beboere mere selvhjulpenhed og frigør tid hos personalet."),
        (Theme.WelfareTechnology, "Spiserobot til borgere med nedsat armfunktion", "Borgere spiser selv med en robotarm, så værdigheden øges og hjælpen ved måltider falder."),
        (Theme.WelfareTechnology, "Skærmbesøg i hjemmeplejen", "Udvalgte besøg i hjemmeplejen erstattes af skærmbesøg, hvor det giver mening for borgeren."),
        (Theme.WelfareTechnology, "Loftlifte med sensorstyring", "Sensorstyrede loftlifte reducerer forflytninger med to medarbejdere og nedbringer arbejdsskader."),
        (Theme.WelfareTechnology, "Digital medicindispenser", "Medicindispensere hjemme hos borgeren minder om og udleverer medicin til rette tid."),
        (Theme.WelfareTechnology, "GPS-sporing for borgere med demens", "Frivillig GPS-sporing giver borgere med demens frihed til at gå ture og pårørende tryghed."),
        (Theme.WelfareTechnology, "Vasketoiletter på bosteder", "Vasketoiletter på bosteder for voksne med handicap øger privatliv og selvstændighed."),
        (Theme.Digitalisation, "Digital selvbetjening for byggetilladelser", "En guidet ansøgning om byggetilladelse halverer antallet af mangelfulde ansøgninger."),
        (Theme.Digitalisation, "Chatbot til borgerservice", "En chatbot besvarer de hyppigste spørgsmål om pas, kørekort og flytning døgnet rundt."),
        (Theme.Digitalisation, "Automatisk journalisering af post", "Indgående digital post klassificeres og journaliseres automatisk med menneskelig kontrol."),
        (Theme.Digitalisation, "Digital forældreintra på tværs af dagtilbud", "Én fælles platform til kommunikation mellem dagtilbud og forældre erstatter fem systemer."),
        (Theme.Digitalisation, "Robotter til lønadministration", "Softwarerobotter overtager gentagne registreringer i lønadministrationen."),
        (Theme.Digitalisation, "Sensorer i affaldscontainere", "Fyldningssensorer i containere gør tømningsruter behovsstyrede i stedet for faste."),
        (Theme.Digitalisation, "Digital tolkning i sundhedsplejen", "Videotolkning erstatter fremmødetolke ved sundhedsplejens hjemmebesøg."),
        (Theme.Mobility, "Delecykler til medarbejdere i hjemmeplejen", "Elcykler erstatter biler på korte ruter i tætbyen og sparer kørsel og parkering."),
        (Theme.Mobility, "Samkørsel til arbejdspladser i oplandet", "En samkørselsordning for medarbejdere på decentrale arbejdspladser reducerer kørselsgodtgørelse."),
        (Theme.Mobility, "Flextrafik med dynamisk ruteplanlægning", "Dynamisk ruteplanlægning samler flere ture i samme bil i den visiterede kørsel."),
        (Theme.Mobility, "Cykelhandel for skolebørn", "Skoler låner cykler ud, så flere børn cykler i skole og færre køres i bil."),
        (Theme.Mobility, "Elbiler i den kommunale bilpark med booking", "En fælles bookingløsning øger udnyttelsen af kommunale biler og reducerer flåden."),
        (Theme.InclusionAndCitizenship, "Frivillige lektiecaféer i boligområder", "Frivillige og skoler driver lektiecaféer sammen, så flere børn får hjælp tæt på hjemmet."),
        (Theme.InclusionAndCitizenship, "Mentorordning for unge uden uddannelse", "Frivillige mentorer følger unge fra ledighed til uddannelse eller job."),
        (Theme.InclusionAndCitizenship, "Foreningsguider for nye borgere", "Foreningsguider hjælper nye borgere ind i idræts- og kulturforeninger."),
        (Theme.InclusionAndCitizenship, "Fællesspisning i almene boligområder", "Civilsamfund og kommune laver fællesspisning, der bryder ensomhed og skaber netværk."),
        (Theme.InclusionAndCitizenship, "Medborgercentre som åbne mødesteder", "Biblioteker udvikles til medborgercentre med rådgivning og frivillige aktiviteter."),
        (Theme.InclusionAndCitizenship, "Job i foreningslivet for borgere på kanten", "Foreninger skaber småjob, der bringer borgere tættere på arbejdsmarkedet."),
        (Theme.InnovationCulture, "Innovationsagenter i alle afdelinger", "Uddannede innovationsagenter hjælper kolleger med at afprøve nye løsninger i hverdagen."),
        (Theme.InnovationCulture, "Afprøvningsdage med medarbejderidéer", "Medarbejdere får dage til at afprøve egne idéer med en fast metode for læring."),
        (Theme.InnovationCulture, "Fejlkultur og hurtig afprøvning", "Et forløb for ledere om at stoppe tidligt og billigt, når et forsøg ikke virker."),
        (Theme.InnovationCulture, "Tværgående idébank", "En idébank, hvor gode idéer deles på tværs af afdelinger og genbruges."),
        (Theme.Health, "Forebyggende hjemmebesøg med sundhedstjek", "Forebyggende besøg til ældre kombineres med et enkelt sundhedstjek."),
        (Theme.Health, "Træning i hjemmet efter udskrivning", "Genoptræning i eget hjem fra dag ét efter udskrivning nedbringer genindlæggelser."),
        (Theme.Health, "Rygestop på arbejdspladsen", "Rygestopforløb i arbejdstiden for medarbejdere i udvalgte enheder."),
        (Theme.Health, "Sund kost i daginstitutioner", "Køkkener i daginstitutioner lærer at lave sund mad inden for det samme budget."),
        (Theme.Health, "Tidlig opsporing af underernæring", "Et enkelt screeningsværktøj opsporer underernæring hos ældre i hjemmeplejen."),
        (Theme.Health, "Mental sundhed for unge", "Åben rådgivning for unge om stress og angst i samarbejde med ungdomsuddannelser."),
        (Theme.SickLeave, "Tidlig dialog ved sygefravær", "Ledere tager dialogen fra første fraværsdag med støtte fra HR og et fast forløb."),
        (Theme.SickLeave, "Fysioterapi til medarbejdere med nedslidning", "Hurtig adgang til fysioterapi for medarbejdere med tunge løft forebygger langtidsfravær."),
        (Theme.SickLeave, "Psykisk arbejdsmiljø i skolerne", "Et forløb for lærerteams om arbejdspres og samarbejde nedbringer stressrelateret fravær."),
        (Theme.SickLeave, "Delvis raskmelding som standard", "Delvis raskmelding tilbydes systematisk, så medarbejdere bevarer kontakten til arbejdet."),
        (Theme.SickLeave, "Seniorordning med fleksible vagter", "Fleksible vagtplaner for seniorer i plejen fastholder erfarne medarbejdere."),
        (Theme.OutsideThemes, "Genbrug af kontormøbler på tværs", "En intern genbrugsbørs for møbler og udstyr erstatter nyindkøb."),
        (Theme.OutsideThemes, "Energistyring i kommunale bygninger", "Fjernaflæste målere og styring af varme og lys sænker energiforbruget."),
        (Theme.OutsideThemes, "Fælles indkøb af laboratorieydelser", "Samlede indkøb af laboratorieydelser giver bedre priser og færre leverandører."),
        (Theme.OutsideThemes, "Grønne tage på institutioner", "Grønne tage forsinker regnvand og forlænger tagenes levetid."),
        (Theme.Digitalisation, "Digital booking af lokaler", "Borgere og foreninger booker kommunale lokaler digitalt, så udnyttelsen stiger."),
        (Theme.WelfareTechnology, "Intelligente bleer i plejeboliger", "Sensorer i bleer viser, hvornår skift er nødvendigt, og giver beboerne ro om natten."),
        (Theme.Health, "Hverdagsrehabilitering i hjemmeplejen", "Borgere trænes til at klare hverdagens gøremål selv, før der visiteres hjælp."),
        (Theme.InclusionAndCitizenship, "Sprogvenner i dagtilbud", "Frivillige sprogvenner læser og leger med børn, der har brug for ekstra sprogstimulering."),
        (Theme.Mobility, "Mobilitetsplaner for skoler", "Skoler laver mobilitetsplaner, der gør skolevejen sikrere og mindsker biltrafikken."),
        (Theme.InnovationCulture, "Borgerpaneler i udviklingsprojekter", "Borgere inddrages fra start i udviklingen af nye løsninger gennem faste paneler."),
        (Theme.Digitalisation, "Kunstig intelligens til visitation", "Et beslutningsstøtteværktøj hjælper visitatorer med ensartede afgørelser."),
        (Theme.SickLeave, "Arbejdsmiljøindsats i køkkener", "Nye arbejdsgange og hjælpemidler i storkøkkener mindsker belastningsskader."),
        (Theme.WelfareTechnology, "Vendesystemer i senge", "Automatiske vendesystemer forebygger tryksår og sparer natlige besøg."),
        (Theme.Health, "Sundhedsklinik for socialt udsatte", "En gadeklinik giver socialt udsatte adgang til sundhedsydelser uden tidsbestilling."),
        (Theme.InclusionAndCitizenship, "Naboskab i nye byområder", "Frivillige naboværter byder nye tilflyttere velkommen og skaber fællesskaber."),
        (Theme.OutsideThemes, "Madspild i kantiner", "Måling af madspild og nye portionsformer reducerer spild i kommunale kantiner."),
        (Theme.Digitalisation, "Selvbetjening for hjælpemidler", "Borgere søger og følger sager om hjælpemidler digitalt."),
        (Theme.Mobility, "Parkering til delebiler", "Faste pladser til delebiler i tætbyen gør det nemmere at undvære egen bil."),
        (Theme.InnovationCulture, "Lærende netværk for projektledere", "Projektledere mødes i netværk og deler erfaringer fra forsøg, der lykkedes og mislykkedes."),
        (Theme.WelfareTechnology, "Robotstøvsugere på plejecentre", "Robotstøvsugere overtager en del af rengøringen i fællesarealer."),
    ];

    public static readonly string[] CivilSocietyOrganisations =
    [
        "Foreningen Fælles Bord", "Frivilligcenter Aarhus", "Idrætsforeningen Gellerup", "Lektiehjælpen Øst",
        "Ældresagen Aarhus", "Mentornetværket", "Spisefællesskabet Bispehaven",
    ];

    public static readonly string[] FirstNames = ["Anne", "Mette", "Lars", "Søren", "Camilla", "Peter", "Louise", "Jens", "Sofie", "Mads", "Hanne", "Rasmus"];
    public static readonly string[] LastNames = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Madsen"];

    public static string GainText(Theme theme) => theme switch
    {
        Theme.WelfareTechnology => "Gevinsten opstår, fordi personalet bruger færre timer på hjælp, som borgeren selv kan klare med teknologien. Timerne omsættes til færre vikartimer.",
        Theme.Digitalisation => "Gevinsten opstår ved færre manuelle sagsskridt og færre henvendelser, som i dag besvares af medarbejdere.",
        Theme.Mobility => "Gevinsten opstår ved mindre kørselsgodtgørelse, færre leasede biler og kortere tid i transport.",
        Theme.InclusionAndCitizenship => "Gevinsten opstår, når flere borgere bliver selvforsørgende eller klarer sig med en lettere indsats.",
        Theme.InnovationCulture => "Gevinsten opstår, når flere forsøg afprøves billigt og stoppes tidligt, og når gode løsninger spredes.",
        Theme.Health => "Gevinsten opstår ved færre genindlæggelser, mindre hjemmehjælp og lavere medfinansiering af sygehusene.",
        Theme.SickLeave => "Gevinsten opstår ved lavere sygefravær og dermed færre vikartimer og mindre overarbejde.",
        _ => "Gevinsten opstår ved lavere driftsudgifter, som kan dokumenteres i regnskabet.",
    };

    public static string RiskText(RiskLevel level) => level switch
    {
        RiskLevel.Low => "Løsningen er afprøvet i andre kommuner. Risikoen er primært, at implementeringen tager længere tid end planlagt.",
        RiskLevel.Medium => "Teknologien er moden, men det er usikkert, hvor mange borgere der kan bruge den. Vi følger op efter tre måneder og justerer.",
        _ => "Løsningen er ny og uprøvet. Der er risiko for, at gevinsten udebliver; vi har derfor et stoppunkt efter første fase.",
    };
}
