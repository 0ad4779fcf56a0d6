"""Demo courses and trainings for ``wendbaar demo``: invented providers, plain Dutch, starter skills.

The courses focus on what municipal employees (balie, klantcontact, belastingen, sociaal domein) miss when
they move to other work: zorg, onderwijs, kinderopvang, ICT en data, financiën, logistiek, veiligheid,
klantenservice en digitale basisvaardigheden. Every skill is named by its starter-set key; an unknown key
stops the load with a ValueError, so the demo never silently drops a link.
"""

from dataclasses import dataclass

from wendbaar.learning.models import Course, Format
from wendbaar.taxonomy.models import Skill
from wendbaar.taxonomy.starter import read_starter_set


@dataclass(frozen=True, kw_only=True)
class DemoCourse:
    slug: str
    title: str
    provider: str
    format: str
    hours: int
    price: int
    skills: tuple[str, ...]
    description: str


# Invented providers; any likeness to a real organisation is unintended.
LEERHUIS = "Leerhuis Publiek"
DIGITAAL = "Digitaal Vaardig Academie"
KLANTKRACHT = "Klantkracht Trainingen"
ROC_LINDEVELD = "ROC Lindeveld"
ROC_HORSTLAND = "ROC Horstland"
BITBRUG = "Bitbrug ICT-opleidingen"
DATAWERKPLAATS = "Datawerkplaats Oost"
CIJFERHUIS = "Cijferhuis Opleidingen"
GELD_ZEKERHEID = "Academie Geld & Zekerheid"
ZORGLEERHUIS = "Zorgleerhuis Zuidrand"
SOCIAAL = "Sociaal Leerhuis Zuid"
PEDAGOGISCH = "Pedagogisch Leerplein"
TAALPUNT = "Taalpunt Volwassenen"
TRAINERSHUIS = "Trainershuis Midden"
OVERSLAG = "Logistiek Leercentrum De Overslag"
WACHTPOST = "Wachtpost Veiligheidsopleidingen"
WERKWIJZER = "Werkwijzer Academie"
ENERGIE = "Energiewerkplaats Noord"
OPEN_LEERLAB = "Open Leerlab"
WOONVAK = "Woonvak Opleidingen"

ONLINE, KLASSIKAAL, MIX = Format.ONLINE, Format.KLASSIKAAL, Format.MIX

COURSES = [
    # --- Klantenservice en gesprekken ---
    DemoCourse(
        slug="klantgericht-werken-balie-en-telefoon",
        title="Klantgericht werken aan balie en telefoon",
        provider=LEERHUIS,
        format=KLASSIKAAL,
        hours=12,
        price=295,
        skills=(
            "klantgericht-werken",
            "klantvraag-achterhalen",
            "klantcontact",
            "informatie-verstrekken",
            "doorverwijzen",
        ),
        description="Je leert snel uitvinden wat iemand echt nodig heeft en hoe je duidelijk antwoord "
        "geeft. Je oefent met echte situaties van de balie en de telefoon, ook als je iemand moet "
        "doorsturen.",
    ),
    DemoCourse(
        slug="regels-uitleggen-in-begrijpelijke-taal",
        title="Regels uitleggen in begrijpelijke taal",
        provider=LEERHUIS,
        format=MIX,
        hours=8,
        price=180,
        skills=("regels-begrijpelijk-uitleggen", "begrijpelijk-schrijven", "informatie-verstrekken"),
        description="Ingewikkelde regels eenvoudig uitleggen, in een gesprek en op papier. Je herschrijft "
        "je eigen brieven en teksten naar taalniveau B1.",
    ),
    DemoCourse(
        slug="omgaan-met-agressie-en-lastige-klanten",
        title="Omgaan met agressie en lastige klanten",
        provider=KLANTKRACHT,
        format=KLASSIKAAL,
        hours=8,
        price=245,
        skills=("omgaan-met-agressie", "de-escaleren", "lastige-klanten", "frustratie-beheersen"),
        description="Je leert signalen van boosheid op tijd herkennen en een gesprek rustig houden. Met een "
        "trainingsacteur oefen je wat je zegt en doet als het toch misgaat.",
    ),
    DemoCourse(
        slug="klachten-afhandelen-en-opvolgen",
        title="Klachten afhandelen en opvolgen",
        provider=KLANTKRACHT,
        format=ONLINE,
        hours=6,
        price=95,
        skills=(
            "klachten-afhandelen",
            "klantvragen-opvolgen",
            "klanttevredenheid-bewaken",
            "klantcontacten-registreren",
        ),
        description="Een klacht is een kans om het beter te doen. Je leert een klacht goed vastleggen, "
        "afspraken maken en de klant op tijd terugbellen.",
    ),
    DemoCourse(
        slug="telefoneren-en-chatten-met-klanten",
        title="Telefoneren en chatten met klanten",
        provider=KLANTKRACHT,
        format=ONLINE,
        hours=5,
        price=75,
        skills=(
            "telefonisch-communiceren",
            "chatten-met-klanten",
            "telefoongesprekken-vastleggen",
            "actief-luisteren",
        ),
        description="Je oefent korte, vriendelijke gesprekken aan de telefoon en in de chat. Ook leer je "
        "een gesprek kort en volledig vastleggen, zodat een collega verder kan.",
    ),
    DemoCourse(
        slug="gesprekstechnieken-luisteren-en-doorvragen",
        title="Gesprekstechnieken: luisteren en doorvragen",
        provider=LEERHUIS,
        format=KLASSIKAAL,
        hours=10,
        price=0,
        skills=(
            "actief-luisteren",
            "vraagtechnieken-gebruiken",
            "informatie-uitvragen",
            "gesprekstechnieken",
            "empathie-tonen",
        ),
        description="Goede vragen stellen en echt luisteren: daar begint elk goed gesprek. In kleine "
        "groepen oefen je met open vragen, samenvatten en doorvragen.",
    ),
    DemoCourse(
        slug="werken-met-een-klantcontactsysteem",
        title="Werken met een klantcontactsysteem (CRM)",
        provider=DIGITAAL,
        format=ONLINE,
        hours=6,
        price=0,
        skills=(
            "crm-gebruiken",
            "klantcontacten-registreren",
            "klantgegevens-bijhouden",
            "gegevens-invoeren",
            "persoonsgegevens-vastleggen",
        ),
        description="Je leert hoe een CRM-systeem werkt en hoe je klantgegevens netjes en volledig "
        "bijhoudt. Je oefent in een demo-omgeving met veelvoorkomende klantvragen.",
    ),
    DemoCourse(
        slug="klantenservice-voor-webwinkels",
        title="Klantenservice voor webwinkels",
        provider=KLANTKRACHT,
        format=ONLINE,
        hours=8,
        price=95,
        skills=(
            "onlinebestellingen-verwerken",
            "retouren-afhandelen",
            "e-commerce",
            "klachten-afhandelen",
            "chatten-met-klanten",
        ),
        description="Hoe werkt een webwinkel achter de schermen? Je leert bestellingen, retouren en "
        "klachten afhandelen, per mail en in de chat.",
    ),
    DemoCourse(
        slug="verkoopgesprekken-voeren",
        title="Verkoopgesprekken voeren",
        provider=KLANTKRACHT,
        format=KLASSIKAAL,
        hours=8,
        price=225,
        skills=(
            "verkoopgesprek",
            "verkooptechnieken",
            "bijverkopen",
            "productkennis",
            "telefonische-verkoop",
        ),
        description="Verkopen is vooral goed luisteren en eerlijk adviseren. Je oefent een verkoopgesprek "
        "van begin tot eind, in de winkel en aan de telefoon.",
    ),
    # --- Kantoor en administratie ---
    DemoCourse(
        slug="receptie-en-frontoffice",
        title="Receptie en frontoffice",
        provider=ROC_LINDEVELD,
        format=MIX,
        hours=24,
        price=395,
        skills=(
            "receptie-bijhouden",
            "bezoekers-ontvangen",
            "bezoekers-registreren",
            "telefooncentrale-bedienen",
            "afspraken-plannen",
            "post-afhandelen",
        ),
        description="Je bent het visitekaartje van een bedrijf of ziekenhuis. Je leert bezoekers ontvangen "
        "en registreren, de telefooncentrale bedienen en afspraken plannen.",
    ),
    DemoCourse(
        slug="secretariele-vaardigheden",
        title="Secretariële vaardigheden: agenda, vergaderen en notuleren",
        provider=ROC_LINDEVELD,
        format=MIX,
        hours=40,
        price=650,
        skills=(
            "agendabeheer",
            "vergaderingen-organiseren",
            "notuleren",
            "zakelijke-e-mails",
            "afspraken-plannen",
        ),
        description="Je leert een drukke agenda beheren, vergaderingen voorbereiden en een kort, helder "
        "verslag maken. Geschikt als opstap naar werk als secretaresse of managementassistent.",
    ),
    DemoCourse(
        slug="administratief-werk-en-documentbeheer",
        title="Administratief werk en documentbeheer",
        provider=ROC_HORSTLAND,
        format=ONLINE,
        hours=20,
        price=150,
        skills=(
            "administratief-werk",
            "kantooradministratie",
            "gegevens-invoeren",
            "documenten-ordenen",
            "post-afhandelen",
            "nauwkeurig-werken",
        ),
        description="De basis van goed administratief werk: post verwerken, gegevens foutloos invoeren en "
        "documenten zo opbergen dat iedereen ze terugvindt.",
    ),
    DemoCourse(
        slug="zakelijk-schrijven",
        title="Zakelijk schrijven: e-mails, brieven en rapporten",
        provider=LEERHUIS,
        format=ONLINE,
        hours=12,
        price=120,
        skills=("zakelijke-e-mails", "brieven-schrijven", "rapporten-schrijven", "feiten-rapporteren"),
        description="Je schrijft korte, duidelijke e-mails en brieven en leert een rapport logisch "
        "opbouwen. Een docent geeft persoonlijke feedback op je teksten.",
    ),
    DemoCourse(
        slug="plannen-en-organiseren",
        title="Plannen en organiseren: grip op je werk",
        provider=LEERHUIS,
        format=ONLINE,
        hours=4,
        price=0,
        skills=("plannen-en-organiseren", "timemanagement", "taakplanning-beheren", "zelfstandig-werken"),
        description="Een korte online training over prioriteiten stellen en je werk plannen. Handig als je "
        "overstapt naar werk met meer eigen regie.",
    ),
    DemoCourse(
        slug="adviseren-en-besluiten-nemen",
        title="Adviseren en besluiten nemen",
        provider=LEERHUIS,
        format=KLASSIKAAL,
        hours=12,
        price=345,
        skills=("adviseren", "besluiten-nemen", "analytisch-denken", "overtuigend-argumenteren"),
        description="Je leert een vraag goed uitzoeken, opties op een rij zetten en een onderbouwd advies "
        "geven. Ook oefen je met knopen doorhakken als niet alles zeker is.",
    ),
    DemoCourse(
        slug="facilitair-medewerker",
        title="Facilitair medewerker",
        provider=ROC_HORSTLAND,
        format=MIX,
        hours=24,
        price=275,
        skills=(
            "facilitaire-dienstverlening",
            "kantoortaken",
            "kantoorartikelen-bijhouden",
            "kantoorapparatuur",
            "vergaderingen-organiseren",
        ),
        description="Je zorgt dat een kantoor goed draait: ruimtes, apparaten, voorraad en vergaderingen. "
        "Je leert plannen, bestellen en kleine storingen zelf oplossen.",
    ),
    DemoCourse(
        slug="onderhandelen-en-bemiddelen",
        title="Onderhandelen en bemiddelen",
        provider=KLANTKRACHT,
        format=KLASSIKAAL,
        hours=12,
        price=395,
        skills=("onderhandelen", "bemiddelen", "conflicten-hanteren", "overtuigend-argumenteren"),
        description="Je leert opkomen voor je doel en toch samen tot een oplossing komen. Je oefent met "
        "onderhandelingen over prijs, huur en afspraken.",
    ),
    DemoCourse(
        slug="intercultureel-communiceren",
        title="Intercultureel communiceren",
        provider=LEERHUIS,
        format=KLASSIKAAL,
        hours=6,
        price=0,
        skills=(
            "interculturele-competentie",
            "diversiteit-respecteren",
            "inclusief-communiceren",
            "werken-met-tolk",
        ),
        description="Je leert hoe cultuur en taal een gesprek beïnvloeden en hoe je goed samenwerkt met een "
        "tolk. Met veel voorbeelden uit de praktijk.",
    ),
    DemoCourse(
        slug="projectmatig-en-agile-werken",
        title="Projectmatig en agile werken",
        provider=OPEN_LEERLAB,
        format=ONLINE,
        hours=16,
        price=195,
        skills=("projectmatig-werken", "agile-werken", "plannen-en-organiseren", "stakeholders-betrekken"),
        description="Werken in projecten en in korte sprints met een vast team. Je leert de belangrijkste "
        "begrippen en past ze toe op een eigen klus.",
    ),
    # --- Digitale basisvaardigheden ---
    DemoCourse(
        slug="digitaal-de-basis",
        title="Digitaal de basis: computer, internet en e-mail",
        provider=DIGITAAL,
        format=KLASSIKAAL,
        hours=16,
        price=0,
        skills=(
            "digitale-vaardigheden",
            "computer-gebruiken",
            "online-zoeken",
            "digitaal-communiceren",
            "e-diensten-gebruiken",
        ),
        description="Voor wie weinig met de computer werkt. In een rustig tempo leer je zoeken op internet, "
        "e-mailen en online zaken regelen met DigiD.",
    ),
    DemoCourse(
        slug="excel-voor-beginners",
        title="Excel voor beginners",
        provider=DIGITAAL,
        format=ONLINE,
        hours=10,
        price=49,
        skills=("excel-gebruiken", "cijfers-interpreteren", "rekenvaardigheid", "gegevens-invoeren"),
        description="Je maakt zelf lijsten en tabellen, rekent met formules en leest snel wat de cijfers "
        "zeggen. Met korte video's en oefenbestanden.",
    ),
    DemoCourse(
        slug="kantoorsoftware-en-online-samenwerken",
        title="Kantoorsoftware en online samenwerken",
        provider=DIGITAAL,
        format=ONLINE,
        hours=15,
        price=79,
        skills=(
            "kantoorsoftware-gebruiken",
            "tekstverwerker-gebruiken",
            "samenwerkingssoftware-gebruiken",
            "online-vergaderen",
            "digitaal-samenwerken",
        ),
        description="Werken met een tekstverwerker, gedeelde mappen en online vergaderen. Je leert samen "
        "aan één document werken zonder versies kwijt te raken.",
    ),
    DemoCourse(
        slug="veilig-online-en-privacy",
        title="Veilig online en privacy op het werk",
        provider=DIGITAAL,
        format=ONLINE,
        hours=4,
        price=0,
        skills=(
            "digitale-veiligheid",
            "cybersecurity-bewustzijn",
            "privacybewust-werken",
            "avg-kennis",
            "datalek-melden",
            "vertrouwelijk-werken",
        ),
        description="Je herkent phishing, kiest sterke wachtwoorden en weet wat de AVG van je vraagt. Ook "
        "leer je wat je doet als er toch een datalek is.",
    ),
    DemoCourse(
        slug="slim-werken-met-ai",
        title="Slim werken met AI-hulpmiddelen",
        provider=DIGITAAL,
        format=ONLINE,
        hours=6,
        price=59,
        skills=(
            "ai-hulpmiddelen-gebruiken",
            "kunstmatige-intelligentie-basis",
            "digitale-informatie-beoordelen",
            "bronnen-beoordelen",
        ),
        description="Wat kan AI wel en niet? Je oefent met tekst- en zoekhulpen en leert de uitkomsten "
        "kritisch controleren voordat je ze gebruikt.",
    ),
    DemoCourse(
        slug="digicoach-anderen-digitaal-helpen",
        title="Digicoach: anderen helpen met digitale zaken",
        provider=OPEN_LEERLAB,
        format=MIX,
        hours=24,
        price=0,
        skills=(
            "digitale-vaardigheden-uitleggen",
            "e-diensten-gebruiken",
            "digitale-identiteit-beheren",
            "instrueren",
            "bibliotheekbezoekers-digitaal-helpen",
        ),
        description="Je leert inwoners stap voor stap helpen met DigiD, online formulieren en hun telefoon. "
        "Je loopt mee bij een digitaal spreekuur in de bibliotheek.",
    ),
    DemoCourse(
        slug="websitebeheer-met-een-cms",
        title="Websitebeheer met een CMS",
        provider=DIGITAAL,
        format=ONLINE,
        hours=10,
        price=99,
        skills=("cms-gebruiken", "website-beheren", "digitale-content-maken", "begrijpelijk-schrijven"),
        description="Je leert pagina's maken en bijwerken in een contentbeheersysteem. Ook schrijf je "
        "teksten die prettig lezen op een scherm.",
    ),
    # --- ICT en data ---
    DemoCourse(
        slug="servicedesk-en-itil-basis",
        title="Servicedeskmedewerker met ITIL-basis",
        provider=BITBRUG,
        format=MIX,
        hours=40,
        price=895,
        skills=(
            "servicedesk-ondersteuning",
            "werken-volgens-itil",
            "ict-storingen-oplossen",
            "meldingensysteem-gebruiken",
            "software-installeren",
        ),
        description="Je leert meldingen aannemen, storingen stap voor stap oplossen en werken volgens ITIL. "
        "Je sluit af met een examen ITIL Foundation.",
    ),
    DemoCourse(
        slug="functioneel-applicatiebeheer",
        title="Functioneel applicatiebeheer",
        provider=BITBRUG,
        format=MIX,
        hours=60,
        price=1250,
        skills=(
            "functioneel-applicatiebeheer",
            "applicaties-inrichten",
            "ict-wijzigingen-beheren",
            "systeemgebruikers-ondersteunen",
            "gebruikersfeedback-applicaties",
        ),
        description="Je wordt de schakel tussen gebruikers, ICT en leverancier. Je leert een applicatie "
        "inrichten, wijzigingen beheren en gebruikers helpen. Ervaring met een zaaksysteem is een pluspunt.",
    ),
    DemoCourse(
        slug="software-testen-basis",
        title="Software testen: de basis",
        provider=BITBRUG,
        format=ONLINE,
        hours=32,
        price=495,
        skills=(
            "software-testen",
            "tests-voorbereiden",
            "testbevindingen-vastleggen",
            "testsoorten",
            "testautomatisering",
        ),
        description="Je leert een testplan maken, testen uitvoeren en fouten helder vastleggen. Je maakt "
        "kennis met geautomatiseerd testen.",
    ),
    DemoCourse(
        slug="informatieanalyse-en-processen",
        title="Informatieanalyse en processen in kaart brengen",
        provider=BITBRUG,
        format=KLASSIKAAL,
        hours=36,
        price=875,
        skills=(
            "informatieanalyse",
            "werkprocessen-analyseren",
            "processen-in-kaart-brengen",
            "functioneel-ontwerp-schrijven",
            "stakeholders-betrekken",
        ),
        description="Je leert uitzoeken welke informatie mensen nodig hebben en hoe het werk echt loopt. Je "
        "tekent processen uit en schrijft een eenvoudig functioneel ontwerp.",
    ),
    DemoCourse(
        slug="informatiebeveiliging-in-de-praktijk",
        title="Informatiebeveiliging in de praktijk",
        provider=BITBRUG,
        format=ONLINE,
        hours=16,
        price=350,
        skills=(
            "informatiebeveiliging-toepassen",
            "ict-beveiligingsrisicos",
            "beveiligingsincidenten-afhandelen",
            "datalek-melden",
            "cybersecurity-bewustzijn",
        ),
        description="Je leert risico's in systemen en werkprocessen herkennen en een beveiligingsincident "
        "volgens vaste stappen afhandelen.",
    ),
    DemoCourse(
        slug="systeem-en-netwerkbeheer-voor-starters",
        title="Systeem- en netwerkbeheer voor starters",
        provider=BITBRUG,
        format=MIX,
        hours=120,
        price=1450,
        skills=("systeembeheer", "netwerkbeheer-basis", "cloudtoepassingen", "ict-storingen-oplossen"),
        description="Een stevige opleiding voor wie de techniek in wil. Je beheert servers, accounts en een "
        "netwerk in een eigen oefenomgeving, ook in de cloud.",
    ),
    DemoCourse(
        slug="data-analyse-met-sql-en-python",
        title="Data-analyse met SQL en Python",
        provider=DATAWERKPLAATS,
        format=ONLINE,
        hours=80,
        price=1195,
        skills=("data-analyse", "sql", "python", "databases", "data-opschonen"),
        description="Je haalt gegevens uit een database met SQL en analyseert ze met Python. Je werkt met "
        "open data van gemeenten en het CBS.",
    ),
    DemoCourse(
        slug="dashboards-en-cijfers-presenteren",
        title="Dashboards bouwen en cijfers presenteren",
        provider=DATAWERKPLAATS,
        format=MIX,
        hours=24,
        price=595,
        skills=(
            "datavisualisatie",
            "business-intelligence",
            "visualisatiesoftware",
            "rapportages-toelichten",
            "cijfers-interpreteren",
        ),
        description="Je maakt een dashboard dat in één oogopslag laat zien hoe het gaat. En je leert in "
        "gewone taal uitleggen wat de cijfers betekenen.",
    ),
    DemoCourse(
        slug="datakwaliteit-en-metadata",
        title="Datakwaliteit en metadata voor datastewards",
        provider=DATAWERKPLAATS,
        format=ONLINE,
        hours=20,
        price=450,
        skills=(
            "datakwaliteit-bewaken",
            "datakwaliteitseisen-opstellen",
            "metadata-beheren",
            "datamodellen",
            "data-opschonen",
        ),
        description="Goede gegevens beginnen bij duidelijke afspraken. Je leert kwaliteitseisen opstellen, "
        "fouten opsporen en gegevens goed beschrijven. Ervaring met basisregistraties helpt.",
    ),
    DemoCourse(
        slug="digitale-toegankelijkheid-en-gebruikerstesten",
        title="Digitale toegankelijkheid en gebruikerstesten",
        provider=OPEN_LEERLAB,
        format=ONLINE,
        hours=12,
        price=195,
        skills=(
            "digitale-toegankelijkheid",
            "toegankelijkheid-testen",
            "gebruiksvriendelijkheid-testen",
            "gebruikersonderzoek",
        ),
        description="Kan iedereen jouw website gebruiken, ook met een beperking? Je leert websites testen "
        "op toegankelijkheid en gebruikers observeren.",
    ),
    # --- Financiën, bank en verzekeringen ---
    DemoCourse(
        slug="praktisch-boekhouden",
        title="Praktisch boekhouden (basis)",
        provider=CIJFERHUIS,
        format=ONLINE,
        hours=60,
        price=395,
        skills=(
            "boekhouden",
            "boekhoudtechnieken",
            "journaalposten-boeken",
            "boekhoudsoftware",
            "financiele-transacties-vastleggen",
        ),
        description="Je leert de basis van het boekhouden: boeken, grootboek en balans. Je oefent in een "
        "echt boekhoudprogramma.",
    ),
    DemoCourse(
        slug="debiteurenbeheer-en-incasso",
        title="Debiteurenbeheer en incasso",
        provider=CIJFERHUIS,
        format=ONLINE,
        hours=16,
        price=245,
        skills=("debiteurenbeheer", "incassotechnieken", "betalingsregelingen-afspreken", "facturen-opmaken"),
        description="Je leert facturen opvolgen, klanten herinneren en een haalbare betalingsregeling "
        "afspreken. Je ervaring met invordering komt hier goed van pas.",
    ),
    DemoCourse(
        slug="btw-en-aangiften",
        title="Btw en aangiften voor administratief medewerkers",
        provider=CIJFERHUIS,
        format=MIX,
        hours=24,
        price=425,
        skills=("btw-regels", "btw-aangifte", "aangiften-controleren", "belastingwetgeving"),
        description="Je leert hoe de btw werkt, hoe je een aangifte voorbereidt en waar je op let bij "
        "controle.",
    ),
    DemoCourse(
        slug="salarisadministratie-basis",
        title="Salarisadministratie (basis)",
        provider=CIJFERHUIS,
        format=ONLINE,
        hours=80,
        price=895,
        skills=(
            "salarisadministratie",
            "lonen-berekenen",
            "loonheffingen",
            "personeelsadministratie",
            "arbeidsrecht",
        ),
        description="Van bruto naar netto: je leert lonen berekenen, loonheffingen verwerken en de "
        "personeelsadministratie bijhouden. Met een praktijkexamen.",
    ),
    DemoCourse(
        slug="wwft-fraude-en-klantonderzoek",
        title="Wwft, fraude en klantonderzoek bij banken",
        provider=GELD_ZEKERHEID,
        format=ONLINE,
        hours=20,
        price=350,
        skills=(
            "klantonderzoek-wwft",
            "fraude-signaleren",
            "bankzaken",
            "integer-handelen",
            "kredietwaardigheid-beoordelen",
        ),
        description="Je leert hoe een bank klanten controleert en hoe je witwassen en fraude herkent. Wie "
        "documenten controleerde aan de balie, heeft hier een voorsprong.",
    ),
    DemoCourse(
        slug="verzekeringen-en-schadebehandeling",
        title="Verzekeringen en schadebehandeling (basis)",
        provider=GELD_ZEKERHEID,
        format=ONLINE,
        hours=40,
        price=550,
        skills=(
            "verzekeringen-basis",
            "verzekeringsvoorwaarden",
            "schadeclaims-behandelen",
            "schadedossiers-beoordelen",
            "schadeprocedures",
        ),
        description="Je leert hoe verzekeringen werken en hoe je een schademelding beoordeelt en afhandelt.",
    ),
    DemoCourse(
        slug="financiele-producten-uitleggen",
        title="Financiële producten uitleggen aan klanten",
        provider=GELD_ZEKERHEID,
        format=KLASSIKAAL,
        hours=12,
        price=295,
        skills=(
            "financiele-producten",
            "financiele-producten-uitleggen",
            "bankrekening-problemen-oplossen",
            "hypotheken-basis",
        ),
        description="Sparen, lenen en een hypotheek: je leert deze producten eenvoudig en eerlijk "
        "uitleggen. Ook los je veelvoorkomende problemen met bankrekeningen op.",
    ),
    # --- Zorg ---
    DemoCourse(
        slug="werken-in-de-zorg-orientatie",
        title="Werken in de zorg: oriëntatie op het zorgstelsel",
        provider=ZORGLEERHUIS,
        format=ONLINE,
        hours=8,
        price=0,
        skills=(
            "zorgstelsel-kennis",
            "zvw-kennis",
            "wlz-kennis",
            "zorgindicatie-kennis",
            "eigen-bijdrage-zorg",
        ),
        description="Wie betaalt welke zorg? Je leert hoe de Zorgverzekeringswet, de Wlz en de Wmo samen "
        "werken. Een goede eerste stap als je overweegt de zorg in te gaan.",
    ),
    DemoCourse(
        slug="medisch-secretariaat",
        title="Medisch secretariaat: terminologie en patiëntgegevens",
        provider=ZORGLEERHUIS,
        format=MIX,
        hours=60,
        price=795,
        skills=(
            "medische-terminologie",
            "patientgegevens-beheren",
            "medisch-beroepsgeheim",
            "patientvragen-beantwoorden",
            "afspraken-plannen",
        ),
        description="Je leert medische woorden begrijpen, patiëntgegevens zorgvuldig vastleggen en vragen "
        "van patiënten beantwoorden. Voor werk aan de balie van een ziekenhuis of huisartsenpraktijk.",
    ),
    DemoCourse(
        slug="clientdossier-en-rapporteren-in-de-zorg",
        title="Cliëntdossier bijhouden en rapporteren in de zorg",
        provider=ZORGLEERHUIS,
        format=ONLINE,
        hours=8,
        price=65,
        skills=("clientdossier-bijhouden", "feiten-rapporteren", "zorgoverdracht", "werken-volgens-zorgplan"),
        description="Je leert kort en feitelijk rapporteren in het cliëntdossier, zodat je collega's de "
        "zorg goed kunnen overnemen.",
    ),
    DemoCourse(
        slug="helpende-zorg-en-welzijn-verkort",
        title="Helpende Zorg en Welzijn, verkort traject voor zij-instromers",
        provider=ROC_HORSTLAND,
        format=MIX,
        hours=200,
        price=1450,
        skills=(
            "persoonlijke-verzorging",
            "hygiene-protocollen-zorg",
            "gezondheid-clienten-observeren",
            "zelfredzaamheid-bevorderen",
            "ondersteunen-thuis-wonen",
            "tillen-en-transfers",
        ),
        description="Een mbo-opleiding op niveau 2 met veel praktijk. Je leert cliënten verzorgen en "
        "ondersteunen, thuis of in een instelling. Vaak vergoedt de werkgever de opleiding.",
    ),
    DemoCourse(
        slug="zorg-thuis-basis",
        title="Zorg thuis: zorgplan, controles en wondzorg",
        provider=ZORGLEERHUIS,
        format=MIX,
        hours=80,
        price=950,
        skills=(
            "zorgplan-opstellen",
            "persoonsgerichte-zorg",
            "vitale-functies-meten",
            "wondverzorging",
            "thuiszorg-organiseren",
        ),
        description="Je leert samen met een cliënt een zorgplan maken, bloeddruk en pols meten en "
        "eenvoudige wonden verzorgen. Een vervolg op de opleiding tot helpende, met stage in de wijk.",
    ),
    DemoCourse(
        slug="zorgverzekeringen-en-declaraties",
        title="Zorgverzekeringen en declaraties",
        provider=GELD_ZEKERHEID,
        format=ONLINE,
        hours=24,
        price=345,
        skills=("zorgdeclaraties", "declaraties-beoordelen", "verzekeringsinformatie-geven", "zvw-kennis"),
        description="Je leert hoe declaraties van zorgverleners worden beoordeeld en hoe je verzekerden "
        "uitlegt wat wel en niet vergoed wordt.",
    ),
    DemoCourse(
        slug="hygiene-en-infectiepreventie",
        title="Hygiëne en infectiepreventie",
        provider=ZORGLEERHUIS,
        format=ONLINE,
        hours=4,
        price=35,
        skills=("hygiene-protocollen-zorg", "infectiepreventie", "instrumenten-steriliseren"),
        description="Handen wassen, beschermende kleding en steriel werken: de regels die in elke "
        "zorgfunctie gelden, kort en praktisch uitgelegd.",
    ),
    # --- Welzijn, sociaal werk en werk en inkomen ---
    DemoCourse(
        slug="sociale-kaart-en-doorverwijzen",
        title="Sociale kaart en doorverwijzen in de wijk",
        provider=LEERHUIS,
        format=MIX,
        hours=8,
        price=0,
        skills=("sociale-kaart", "doorverwijzen", "hulpvraag-verhelderen", "interprofessioneel-samenwerken"),
        description="Welke hulp is er in de buurt en wie doet wat? Je leert een hulpvraag helder krijgen en "
        "iemand naar de juiste plek verwijzen, met een warme overdracht.",
    ),
    DemoCourse(
        slug="meldcode-huiselijk-geweld-en-kindermishandeling",
        title="Meldcode huiselijk geweld en kindermishandeling",
        provider=SOCIAAL,
        format=ONLINE,
        hours=6,
        price=0,
        skills=(
            "meldcode",
            "kinderbescherming-kennis",
            "veiligheid-kind-inschatten",
            "risicotaxatie-clienten",
        ),
        description="Je leert signalen herkennen en de vijf stappen van de meldcode toepassen. Verplicht in "
        "zorg, onderwijs en kinderopvang.",
    ),
    DemoCourse(
        slug="gespreksvoering-in-de-hulpverlening",
        title="Gespreksvoering in de hulpverlening",
        provider=SOCIAAL,
        format=KLASSIKAAL,
        hours=24,
        price=495,
        skills=(
            "gesprekken-hulpverlening",
            "hulpverleningsrelatie",
            "motiverende-gespreksvoering",
            "oplossingsgericht-werken",
            "empathie-tonen",
        ),
        description="Je oefent gesprekken waarin iemand zelf de stap naar verandering zet. Je leert "
        "vertrouwen opbouwen en oplossingsgericht doorvragen.",
    ),
    DemoCourse(
        slug="huisbezoeken-en-psychische-problemen",
        title="Huisbezoeken en psychische problemen herkennen",
        provider=SOCIAAL,
        format=KLASSIKAAL,
        hours=12,
        price=275,
        skills=(
            "huisbezoek",
            "psychische-problemen-signaleren",
            "psychosociale-ondersteuning",
            "crisisinterventie",
        ),
        description="Je leert een huisbezoek goed voorbereiden en signalen van psychische problemen "
        "opmerken. Ook oefen je wat je doet als iemand in crisis is.",
    ),
    DemoCourse(
        slug="geldzaken-en-schulden",
        title="Geldzaken en schulden: inwoners op weg helpen",
        provider=SOCIAAL,
        format=MIX,
        hours=16,
        price=0,
        skills=(
            "geldzaken-ondersteunen",
            "schulden-inventariseren",
            "vroegsignalering-schulden",
            "schuldhulp-vrijwillig",
            "formulierenhulp",
        ),
        description="Je leert samen met iemand de post en de schulden op een rij zetten en hulp bij "
        "toeslagen regelen. Ook geschikt voor vrijwilligers bij een schuldhulpmaatje.",
    ),
    DemoCourse(
        slug="begeleiden-van-mensen-met-een-beperking",
        title="Begeleiden van mensen met een beperking",
        provider=SOCIAAL,
        format=MIX,
        hours=40,
        price=595,
        skills=(
            "soorten-beperkingen",
            "onbegrepen-gedrag",
            "vaardigheden-clienten-ontwikkelen",
            "zelfredzaamheid-versterken",
            "groepsactiviteiten-begeleiden",
        ),
        description="Je leert wat verschillende beperkingen betekenen voor iemands dagelijks leven. Je "
        "oefent met het begeleiden van groepen en met gedrag dat je niet meteen begrijpt.",
    ),
    DemoCourse(
        slug="gezinnen-en-mantelzorgers-ondersteunen",
        title="Gezinnen en mantelzorgers ondersteunen",
        provider=SOCIAAL,
        format=KLASSIKAAL,
        hours=16,
        price=345,
        skills=(
            "mantelzorgondersteuning",
            "opvoedondersteuning",
            "belangen-clienten",
            "ondersteuning-evalueren",
        ),
        description="Je leert ouders en mantelzorgers praktisch steunen en samen bekijken of de hulp werkt. "
        "Ook leer je opkomen voor wat iemand echt nodig heeft.",
    ),
    DemoCourse(
        slug="werkzoekenden-begeleiden-en-matchen",
        title="Werkzoekenden begeleiden en matchen",
        provider=WERKWIJZER,
        format=MIX,
        hours=40,
        price=695,
        skills=(
            "werkzoekenden-begeleiden",
            "matchen-werkzoekenden",
            "arbeidsmarkt-kennis",
            "vacatureaanbod-kennen",
            "talenten-in-kaart",
        ),
        description="Je leert talenten van werkzoekenden in beeld brengen en ze koppelen aan passende "
        "vacatures. Je ontdekt hoe de regionale arbeidsmarkt werkt.",
    ),
    DemoCourse(
        slug="sociale-zekerheid-ww-wia-ziektewet",
        title="Sociale zekerheid: WW, WIA en Ziektewet",
        provider=WERKWIJZER,
        format=ONLINE,
        hours=24,
        price=325,
        skills=(
            "ww-kennis",
            "wia-kennis",
            "ziektewet-kennis",
            "uwv-regelgeving",
            "volksverzekeringen-kennis",
            "uitkeringsaanvraag-beoordelen",
        ),
        description="Een overzicht van de werknemersverzekeringen en volksverzekeringen. Je leert een "
        "aanvraag voor een uitkering stap voor stap beoordelen.",
    ),
    DemoCourse(
        slug="re-integratie-en-voortgang",
        title="Re-integratie: instrumenten en voortgang",
        provider=WERKWIJZER,
        format=ONLINE,
        hours=20,
        price=295,
        skills=(
            "re-integratie-instrumenten",
            "voortgang-clienten-evalueren",
            "wetgeving-sociaal-domein",
            "uitkeringen-adviseren",
        ),
        description="Welke middelen zijn er om iemand weer aan het werk te helpen? Je leert ze kiezen, "
        "afspraken vastleggen en de voortgang volgen.",
    ),
    DemoCourse(
        slug="loopbaanbegeleiding-en-sollicitatietraining",
        title="Loopbaanbegeleiding en sollicitatietraining geven",
        provider=WERKWIJZER,
        format=KLASSIKAAL,
        hours=48,
        price=950,
        skills=(
            "loopbaanbegeleiding",
            "sollicitatietraining",
            "coachen",
            "scholingsadvies",
            "online-vacatureplatforms",
        ),
        description="Je leert mensen helpen bij hun volgende stap: van talenten ontdekken tot solliciteren "
        "en een passende opleiding kiezen.",
    ),
    # --- Onderwijs ---
    DemoCourse(
        slug="onderwijsassistent-lesgeven-in-de-praktijk",
        title="Onderwijsassistent: lesgeven in de praktijk",
        provider=ROC_LINDEVELD,
        format=MIX,
        hours=160,
        price=1350,
        skills=(
            "lesgeven",
            "lesvoorbereiding",
            "klassenmanagement",
            "didactiek",
            "leerlingen-helpen-leren",
            "doelgroepgericht-lesgeven",
        ),
        description="Je werkt een dag per week mee op een basisschool en leert groepjes leerlingen "
        "begeleiden. De opleiding sluit aan op werk als onderwijsassistent.",
    ),
    DemoCourse(
        slug="toetsen-en-passend-onderwijs",
        title="Toetsen, beoordelen en passend onderwijs",
        provider=ROC_LINDEVELD,
        format=ONLINE,
        hours=16,
        price=225,
        skills=("toetsen-beoordelen", "passend-onderwijs", "differentieren", "leerproblemen"),
        description="Je leert eerlijk toetsen en lesgeven op verschillende niveaus. Ook herken je "
        "leerproblemen en weet je wie je dan inschakelt.",
    ),
    DemoCourse(
        slug="didactiek-voor-trainers-van-volwassenen",
        title="Didactiek voor trainers van volwassenen",
        provider=TRAINERSHUIS,
        format=KLASSIKAAL,
        hours=32,
        price=795,
        skills=(
            "didactiek",
            "cursussen-volwassenen",
            "cursus-ontwerpen",
            "opleidingsbehoefte",
            "presenteren",
            "online-lesgeven",
        ),
        description="Je ontwerpt een eigen training, van leerdoel tot werkvorm, en geeft die in de groep en "
        "online. Handig als je collega's al vaak iets uitlegt.",
    ),
    DemoCourse(
        slug="nt2-docent-lesgeven-aan-anderstaligen",
        title="NT2-docent: lesgeven aan anderstaligen",
        provider=TAALPUNT,
        format=MIX,
        hours=120,
        price=1250,
        skills=(
            "taalles-nt2",
            "taalniveaus-erk",
            "interculturele-didactiek",
            "alfabetisering",
            "volwasseneneducatie",
        ),
        description="Je leert Nederlands lesgeven aan volwassenen met een andere moedertaal, ook aan mensen "
        "die nog niet kunnen lezen en schrijven. Kennis van inburgering is een pluspunt.",
    ),
    DemoCourse(
        slug="zakelijk-engels",
        title="Zakelijk Engels voor klantcontact",
        provider=TAALPUNT,
        format=MIX,
        hours=40,
        price=450,
        skills=("engels-spreken", "engels-schrijven", "engels-lezen"),
        description="Je oefent gesprekken, e-mails en telefoontjes in het Engels. Voor werk met "
        "internationale klanten, reizigers of collega's.",
    ),
    DemoCourse(
        slug="duits-voor-douane-en-logistiek",
        title="Duits voor douane en logistiek",
        provider=TAALPUNT,
        format=ONLINE,
        hours=30,
        price=295,
        skills=("duits-spreken", "duits-schrijven"),
        description="Praktisch Duits voor werk met chauffeurs, vrachtpapieren en klanten over de grens.",
    ),
    # --- Kinderopvang ---
    DemoCourse(
        slug="pedagogisch-handelen-en-contact-met-ouders",
        title="Pedagogisch handelen en contact met ouders",
        provider=PEDAGOGISCH,
        format=KLASSIKAAL,
        hours=20,
        price=395,
        skills=(
            "pedagogisch-handelen",
            "contact-ouders",
            "oudergesprekken",
            "communiceren-jongeren",
            "gedrag-kinderen-begeleiden",
        ),
        description="Je leert hoe je kinderen een veilig gevoel geeft en hoe je met ouders praat over hun "
        "kind. Voor werk in de kinderopvang, de bso of op school.",
    ),
    DemoCourse(
        slug="pedagogisch-medewerker-kinderopvang-zij-instroom",
        title="Pedagogisch medewerker kinderopvang (zij-instroom)",
        provider=PEDAGOGISCH,
        format=MIX,
        hours=200,
        price=1495,
        skills=(
            "pedagogisch-handelen",
            "observeren-kinderen",
            "ontwikkeling-kind-kennis",
            "basisverzorging-kinderen",
            "spelen-met-kinderen",
            "welzijn-kinderen",
        ),
        description="Een erkend traject waarin je leert en werkt op een kinderdagverblijf. Na afloop ben je "
        "gekwalificeerd als pedagogisch medewerker.",
    ),
    DemoCourse(
        slug="kinder-ehbo",
        title="Kinder-EHBO",
        provider=PEDAGOGISCH,
        format=KLASSIKAAL,
        hours=8,
        price=85,
        skills=("kinder-ehbo", "reanimatie-aed", "veilig-slapen", "kinderziekten"),
        description="Eerste hulp bij baby's en kinderen, van koorts tot verslikken. Dit certificaat is "
        "verplicht in de kinderopvang.",
    ),
    DemoCourse(
        slug="veiligheid-en-de-wet-kinderopvang",
        title="Veiligheid, gezondheid en de Wet kinderopvang",
        provider=PEDAGOGISCH,
        format=ONLINE,
        hours=6,
        price=45,
        skills=(
            "veiligheidsbeleid-kinderopvang",
            "wet-kinderopvang",
            "kinderen-toezicht",
            "kinderopvangtoeslag",
        ),
        description="Je leert welke regels gelden in de kinderopvang en hoe je met het veiligheids- en "
        "gezondheidsbeleid werkt. Ook krijg je uitleg over de kinderopvangtoeslag.",
    ),
    DemoCourse(
        slug="planning-en-plaatsing-kinderopvang",
        title="Planning en plaatsing in de kinderopvang",
        provider=PEDAGOGISCH,
        format=ONLINE,
        hours=8,
        price=125,
        skills=("plaatsing-kinderopvang", "kinderopvangtoeslag", "contact-ouders", "klantgegevens-bijhouden"),
        description="Je leert plaatsingen plannen, wachtlijsten bijhouden en ouders helder informeren over "
        "contract en toeslag.",
    ),
    # --- Logistiek en vervoer ---
    DemoCourse(
        slug="magazijnmedewerker-basis",
        title="Magazijnmedewerker: orderpicken, voorraad en scanner",
        provider=OVERSLAG,
        format=MIX,
        hours=40,
        price=395,
        skills=(
            "orderpicken",
            "goederenontvangst",
            "voorraad-tellen",
            "handscanner-gebruiken",
            "magazijnbeheersysteem",
            "veiligheid-magazijn",
        ),
        description="Je leert hoe een modern magazijn werkt: goederen ontvangen, orders verzamelen en "
        "voorraad tellen met een handscanner. Met praktijkdagen in een oefenmagazijn.",
    ),
    DemoCourse(
        slug="heftruckcertificaat",
        title="Heftruckcertificaat",
        provider=OVERSLAG,
        format=KLASSIKAAL,
        hours=16,
        price=425,
        skills=("heftruck-rijden", "veiligheid-magazijn", "veilig-werken"),
        description="Twee dagen theorie en praktijk, afgesloten met een examen. Na afloop mag je veilig met "
        "een heftruck werken.",
    ),
    DemoCourse(
        slug="inkoop-en-voorraadbeheer",
        title="Inkoop en voorraadbeheer",
        provider=OVERSLAG,
        format=ONLINE,
        hours=24,
        price=395,
        skills=(
            "inkoopproces",
            "bestellingen-plaatsen",
            "leveranciersbeheer",
            "voorraadplanning",
            "voorraadbeheer",
        ),
        description="Je leert bestellen op het juiste moment, leveranciers vergelijken en voorraad plannen. "
        "Je kennis van regels en procedures helpt je hierbij.",
    ),
    DemoCourse(
        slug="transportplanning-en-routes",
        title="Transportplanning en routes",
        provider=OVERSLAG,
        format=ONLINE,
        hours=32,
        price=650,
        skills=(
            "transport-plannen",
            "routes-plannen",
            "planningssoftware-transport",
            "rij-en-rusttijden",
            "chauffeurs-inzetten",
        ),
        description="Je leert ritten en routes plannen met planningssoftware, rekening houdend met rij- en "
        "rusttijden. Voor werk als planner bij een vervoerder.",
    ),
    DemoCourse(
        slug="douane-en-internationale-handel",
        title="Douane en internationale handel (basis)",
        provider=OVERSLAG,
        format=ONLINE,
        hours=48,
        price=895,
        skills=(
            "douaneregels",
            "douanedocumenten",
            "import-exportregels",
            "incoterms",
            "douanenaleving-controleren",
        ),
        description="Je leert hoe goederen de grens over gaan en welke papieren daarbij horen. Je "
        "nauwkeurigheid met officiële documenten is hier veel waard.",
    ),
    DemoCourse(
        slug="pakketbezorger-veilig-en-zuinig-op-pad",
        title="Pakketbezorger: veilig en zuinig op pad",
        provider=OVERSLAG,
        format=KLASSIKAAL,
        hours=8,
        price=95,
        skills=("pakketten-bezorgen", "defensief-rijden", "verkeersregels", "routes-plannen"),
        description="Een praktijkdag voor bezorgers met een rijbewijs B. Je leert een slimme route rijden, "
        "veilig laden en lossen en pakketten zorgvuldig afleveren.",
    ),
    DemoCourse(
        slug="service-en-veiligheid-in-het-ov",
        title="Service en veiligheid in het openbaar vervoer",
        provider=OVERSLAG,
        format=MIX,
        hours=40,
        price=650,
        skills=(
            "reizigers-informeren",
            "reizigers-helpen",
            "vervoersbewijzen-controleren",
            "regels-personenvervoer",
            "omgaan-met-agressie",
        ),
        description="Je leert reizigers helpen en informeren, kaartjes controleren en rustig blijven als "
        "het spannend wordt. Voor werk als servicemedewerker in bus of trein.",
    ),
    # --- Veiligheid ---
    DemoCourse(
        slug="beveiliger-niveau-2",
        title="Beveiliger niveau 2 (vakdiploma)",
        provider=WACHTPOST,
        format=MIX,
        hours=160,
        price=1395,
        skills=(
            "beveiligingsdiploma",
            "toegangscontrole",
            "surveilleren",
            "alarmen-opvolgen",
            "verdacht-gedrag-herkennen",
            "incidentrapport-schrijven",
        ),
        description="De erkende opleiding tot beveiliger. Je leert surveilleren, toegang controleren en "
        "incidenten vastleggen, en doet praktijkervaring op bij een beveiligingsbedrijf.",
    ),
    DemoCourse(
        slug="bhv-en-ontruimen",
        title="BHV en ontruimen",
        provider=WACHTPOST,
        format=KLASSIKAAL,
        hours=8,
        price=145,
        skills=(
            "bhv",
            "brandpreventie",
            "blusmiddelen-gebruiken",
            "gebouw-ontruimen",
            "reanimatie-aed",
            "eerste-hulp",
        ),
        description="Eén dag bedrijfshulpverlening: brand blussen, eerste hulp, reanimeren en een gebouw "
        "veilig ontruimen. Met jaarlijkse herhaling.",
    ),
    DemoCourse(
        slug="cameratoezicht-en-meldkamer",
        title="Cameratoezicht en meldkamerwerk",
        provider=WACHTPOST,
        format=MIX,
        hours=40,
        price=750,
        skills=(
            "cameratoezicht",
            "camerasystemen-bedienen",
            "portofoon-c2000",
            "meldingen-vastleggen-meldkamer",
            "hulpdiensten-inzetten",
            "verdacht-gedrag-herkennen",
        ),
        description="Je leert beelden bekijken, verdachte situaties herkennen en snel de juiste hulp "
        "inschakelen via portofoon en meldkamersysteem.",
    ),
    DemoCourse(
        slug="vca-basisveiligheid",
        title="VCA Basisveiligheid",
        provider=WACHTPOST,
        format=KLASSIKAAL,
        hours=8,
        price=175,
        skills=("vca", "veilig-werken", "veilig-werken-op-hoogte"),
        description="Het veiligheidsdiploma dat je nodig hebt in techniek, bouw en logistiek. Eén lesdag "
        "met aansluitend het examen.",
    ),
    # --- Techniek, energie en wonen ---
    DemoCourse(
        slug="energiecoach-bewoners-helpen",
        title="Energiecoach: bewoners helpen energie te besparen",
        provider=ENERGIE,
        format=MIX,
        hours=24,
        price=0,
        skills=(
            "energiebesparing",
            "energieadvies-aan-huis",
            "besparingstechnieken-uitleggen",
            "energierekening-uitleggen",
            "energiescan",
        ),
        description="Je leert bij mensen thuis een energiescan doen en eenvoudige besparingstips geven. Je "
        "kennis van de wijk en van inwoners helpt je daarbij.",
    ),
    DemoCourse(
        slug="installatietechniek-voor-zij-instromers",
        title="Installatietechniek voor zij-instromers",
        provider=ENERGIE,
        format=MIX,
        hours=180,
        price=1295,
        skills=(
            "installatietechniek-basis",
            "elektrotechniek-basis",
            "technische-tekeningen-lezen",
            "warmtepompen",
            "zonnepanelen",
        ),
        description="Een praktijkopleiding voor wie met de handen wil werken aan de energietransitie. Je "
        "leert tekeningen lezen, veilig aansluiten en de basis van warmtepompen en zonnepanelen.",
    ),
    DemoCourse(
        slug="verhuur-en-woonconsulentschap",
        title="Verhuur en woonconsulentschap",
        provider=WOONVAK,
        format=MIX,
        hours=32,
        price=595,
        skills=(
            "huurcontracten-afhandelen",
            "contact-met-huurders",
            "woning-bezichtigingen",
            "woningmarkt",
            "huurderswissel",
        ),
        description="Je leert hoe verhuur werkt, van bezichtiging tot huurcontract en sleuteloverdracht. "
        "Voor werk bij een woningcorporatie of verhuurmakelaar.",
    ),
    # --- Cultuur, toerisme en evenementen ---
    DemoCourse(
        slug="gastheerschap-museum-bibliotheek-toerisme",
        title="Gastheerschap in museum, bibliotheek en toerisme",
        provider=ROC_HORSTLAND,
        format=KLASSIKAAL,
        hours=16,
        price=195,
        skills=(
            "bezoekers-informeren",
            "toeristische-informatie",
            "kaartverkoop",
            "rondleidingen-geven",
            "kassa-bedienen",
        ),
        description="Je leert bezoekers hartelijk ontvangen, kaartjes verkopen en vertellen wat er te zien "
        "en te doen is. Met een korte rondleiding als eindopdracht.",
    ),
    DemoCourse(
        slug="evenementen-organiseren",
        title="Evenementen organiseren",
        provider=OPEN_LEERLAB,
        format=MIX,
        hours=40,
        price=695,
        skills=(
            "evenementenorganisatie",
            "evenementen-coordineren",
            "evenementenleveranciers-kiezen",
            "evenementenvergunning-aanvragen",
            "budget-beheren",
        ),
        description="Van idee tot opruimen: je leert een evenement plannen, leveranciers kiezen en de "
        "vergunning regelen. Ken je de APV al, dan heb je een voorsprong.",
    ),
    # --- Juridisch ---
    DemoCourse(
        slug="juridische-basis-voor-niet-juristen",
        title="Juridische basis voor niet-juristen",
        provider=LEERHUIS,
        format=ONLINE,
        hours=20,
        price=250,
        skills=(
            "juridische-begrippen",
            "juridisch-uitzoekwerk",
            "bestuursrecht-basis",
            "burgerlijk-recht",
            "wetten-interpreteren",
        ),
        description="Je leert de belangrijkste juridische begrippen en hoe je een wetsartikel leest. Ook "
        "zoek je zelf uitspraken en regels op.",
    ),
    DemoCourse(
        slug="werken-bij-de-rechtspraak",
        title="Werken bij de rechtspraak: procedures en dossiers",
        provider=LEERHUIS,
        format=MIX,
        hours=32,
        price=595,
        skills=(
            "gerechtelijke-procedures",
            "zaaksbehandeling-rechtspraak",
            "procesdossiers-samenstellen",
            "zittingen-ondersteunen",
        ),
        description="Je leert hoe een zaak door de rechtbank gaat en hoe je dossiers en zittingen "
        "voorbereidt. Voor werk als griffiemedewerker of administratief juridisch medewerker.",
    ),
]


def _skills_by_key(keys: set[str]) -> dict[str, Skill]:
    """Starter skills by key. A starter skill merged into an ESCO concept keeps ESCO's code, so keys not
    found as codes are looked up once more through the starter set's URI; any key left over is an error."""
    found = {skill.code: skill for skill in Skill.objects.filter(code__in=keys)}
    rest = keys - found.keys()
    if rest:
        starter = read_starter_set().skills
        uris = {starter[key].uri: key for key in rest if key in starter and starter[key].uri}
        for skill in Skill.objects.filter(uri__in=uris):
            found[uris[skill.uri]] = skill
    for key in sorted(keys):
        if key not in found:
            raise ValueError(
                f"Demo-cursussen: vaardigheid '{key}' staat niet in de database "
                "(typfout in de sleutel, of is de starterset niet geladen?)"
            )
    return found


def load(stdout) -> None:
    """Create or update every demo course and set its skills; safe to run again."""
    skills = _skills_by_key({key for course in COURSES for key in course.skills})
    for demo in COURSES:
        course, _ = Course.objects.update_or_create(
            slug=demo.slug,
            defaults={
                "title": demo.title,
                "provider": demo.provider,
                "description": demo.description,
                "format": demo.format,
                "hours": demo.hours,
                "price_euros": demo.price,
                "url": "",
                "active": True,
            },
        )
        course.skills.set([skills[key] for key in demo.skills])
    stdout.write(f"Demo-cursussen geladen: {len(COURSES)} cursussen en trainingen.")
