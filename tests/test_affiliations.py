"""Labels, networks and partner clusters on small pages, through the real stages."""
import pytest

from doc_helpers import run_extractor
from profile_extract.extractors import affiliations


def run(text, name=None, **found):
    path = "page.md" if text.startswith(("#", "- **")) else "page.txt"
    return run_extractor(affiliations, text, {"name": name, "aliases": [], **found}, path)


def values(text, key, name=None, **found):
    return run(text, name, **found)[1].values.get(key, [])


LABELS = [
    ("Cluster Excellence Label: \nBronze Label\n", None, ["Bronze Label"]),
    ("Cluster Excellence Label: \nOther Label: \nESCP-4i label for European Strategic Cluster Partnership\n", None,
     ["ESCP-4i label for European Strategic Cluster Partnership"]),
    ("Cluster Excellence Label: No\n", None, []),
    ("The European Cluster Excellence Initiative (ECEI) granted us the GOLD label for excellent cluster management in 2012.\n",
     "Silicon Valley Cluster", ["GOLD label for excellent cluster management"]),
    ("Dear Mr Smith,\nwe have the pleasure of granting you the Bronze Label of Cluster Management Excellence.\n", None,
     ["Bronze Label of Cluster Management Excellence"]),
    ("Bronze Label of Cluster Management Excellence for Nordic Health Cluster\nDear Sir,\nCongratulations.\n",
     "Nordic Health Cluster", ["Bronze Label of Cluster Management Excellence"]),
    ("In 2019 the Danube Wood Cluster was awarded the ESCA Silver label.\n", "Danube Wood Cluster", ["ESCA Silver label"]),
    # "of the <body>" names who awarded it, not the label
    ("We received the Silver Label of the European Secretariat for Cluster Analysis.\n", None, ["Silver Label"]),
    ("In 2021 the cluster obtained the Bronze Label of the Federal Ministry.\n", None, ["Bronze Label"]),
    # a list item or milestone that is the label itself; a question is not an award
    ("## Labels and networks\n\n- Bronze Label of Cluster Management Excellence, awarded by ESCA in 2022\n", None,
     ["Bronze Label of Cluster Management Excellence"]),
    ("Milestones\n2008 – founded\n2021 – Gold Label of Cluster Management Excellence (ESCA)\n", None,
     ["Gold Label of Cluster Management Excellence"]),
    ("Does the cluster hold a quality label?\nYes. We have held the ESCA Silver Label since 2023.\n", None,
     ["ESCA Silver Label"]),
    # the label belongs to a project, not to the organisation
    ("The GIVE project was highly evaluated and received label ESCP-4i for strategic cluster partnership.\n", None, []),
    # talk about labels in general is not a label held
    ("Within the initiative a Quality Label System is being built up, and the Bronze Label is one part of it.\n", None, []),
    ("The validity of the Bronze Label is two years.\n", None, []),
    ("Reinforcing an exchange of information on labeling is regarded as important.\n", None, []),
    ("Another cluster, the Alpine Wood Cluster, received the Gold Label last year.\n", "Danube Wood Cluster", []),
    # the level written after the label word, and "passed the assessment for"
    ("Dear Mr Ozols,\nwe are pleased to inform you that the Baltic Laser Cluster has successfully passed the assessment for the "
     "Cluster Management Excellence Label SILVER.\n", "Baltic Laser Cluster", ["Cluster Management Excellence Label SILVER"]),
    # one label written twice (headline and letter): the fuller formal name is kept
    ("News // 3 May 2021\nAlpine Timber Cluster awarded the ESCA Silver Label\n\nDear Mr Huber,\nit is our pleasure to inform you "
     "that the Alpine Timber Cluster has passed the benchmarking for the Cluster Management Excellence Label SILVER.\n",
     "Alpine Timber Cluster", ["Cluster Management Excellence Label SILVER"]),
    # an initiative named earlier in the sentence is the awarding body, not the holder
    ("On behalf of the European Cluster Excellence Initiative, it is my pleasure to inform you that the Tatra Wood Cluster has "
     "passed the assessment for the Cluster Management Excellence Label BRONZE.\n", "Tatra Wood Cluster",
     ["Cluster Management Excellence Label BRONZE"]),
    # two levels over time are two labels
    ("We received the Bronze Label in 2014 and the Silver Label in 2017.\n", "Porto Wine Cluster", ["Bronze Label", "Silver Label"]),
    # a key-facts list item; a year in brackets is not part of the label
    ("- **Cluster label:** ESCA Silver Label (2019)\n- **Members:** 40\n", "Pannon Wood Cluster", ["ESCA Silver Label"]),
    # the form value comes first; the same label in prose is not repeated
    ("Cluster Excellence Label: \nGold Label\n\nIn 2016 we received the ESCA Gold Label.\n", "Pannon Wood Cluster", ["Gold Label"]),
]

NETWORKS = [
    ("Membership to other networks/partnerships: \nAssociation of Business Clusters\n", None, ["Association of Business Clusters"]),
    ("Other networks/partnerships it belongs to: \nEuropean Digital SME Alliance\nBalkan & Black Sea ICT Custers Network\n", None,
     ["European Digital SME Alliance", "Balkan & Black Sea ICT Custers Network"]),
    ("Membership to European Strategic Cluster Partnerships (ESCP-4i, ESCP-S3 or ESCP-4x): \n", None, []),
    ("Cluj IT Cluster counts among the founding members of the Balkan, Black Sea and Baltic ICT Network (3B ICT), which groups "
     "17 organizations; it also holds membership in the European Digital SME Alliance as well as in the Romanian Cluster "
     "Association (ClusterRo).\n", "Cluj IT Cluster",
     ["Balkan, Black Sea and Baltic ICT Network", "European Digital SME Alliance", "Romanian Cluster Association"]),
    ("Brussels 21 March 2016 - The BBS ICT Clusters Network becomes member of the European Digital SME Alliance.\n",
     "Balkan and Black Sea ICT Clusters Network", ["European Digital SME Alliance"]),
    ("In 2015 we joined the Hungarian Cluster Association.\n", "Pannon Wood Cluster", ["Hungarian Cluster Association"]),
    ("The cluster is a member of the European Cluster Alliance and of the Vanguard Initiative.\n", "Baltic Food Cluster",
     ["European Cluster Alliance", "Vanguard Initiative"]),
    ("All members of the Balkan and Black Sea ICT Clusters Network will be actively engaged.\n", "ICT Cluster",
     ["Balkan and Black Sea ICT Clusters Network"]),
    ("Клъстерът е член на Асоциацията на бизнес клъстерите.\n", "Клъстер „Мехатроника“", ["Асоциацията на бизнес клъстерите"]),
    # another organisation is the member
    ("STIKK, the Kosovo Association of ICT, a member of the Balkan ICT Network, hosted the event.\n", "ICT Cluster", []),
    ("They signed the memorandum and became members of the GIVE Partnership.\n", "ICT Cluster", []),
    # the profiled network itself is not its own network
    ("STIKK, a member of the Balkan and Black Sea ICT Clusters Network, organised KosICT.\n",
     "Balkan and Black Sea ICT Clusters Network", []),
    ("Three new ICT organisations were accepted as members of the network.\n", "ICT Cluster", []),
    # appositives between the names; a name without a head word is taken when its appositive names its kind
    ("We are a member of Cluster Excellence Finland, the national association of Finnish clusters, and of Hydrogen Europe, the "
     "European hydrogen industry association.\n", "Oulu Energy Cluster", ["Cluster Excellence Finland", "Hydrogen Europe"]),
    ("The cluster is a member of the Hungarian Cluster Association (HCA) and of the Central European Food Cluster Network.\n",
     "Szeged Food Cluster", ["Hungarian Cluster Association", "Central European Food Cluster Network"]),
    # a partner in a strategic cluster partnership: the partnership's own name
    ("Since 2021 we have been a partner in the European Strategic Cluster Partnership GreenShip ESCP together with Nautic Cluster "
     "Norway.\n", "Aegean Ship Cluster", ["GreenShip ESCP"]),
    # a number inside the name
    ("The cluster is a member of the Danube Region Industry 4.0 Network.\n", "Novi Sad Metal Cluster",
     ["Danube Region Industry 4.0 Network"]),
    ("TMC is a founding member of Spain Mechatronics Clusters, the national network of Spanish mechatronics clusters, and belongs "
     "to the European Mechatronics Cluster Alliance.\n", "Toledo Mechatronics Cluster",
     ["Spain Mechatronics Clusters", "European Mechatronics Cluster Alliance"]),
    # a plain-text "Networks" heading followed by prose: read from the prose, not split as a list
    ("Networks\n\nWe are members of the Nordic Wood Network.\n", "Lapland Wood Cluster", ["Nordic Wood Network"]),
    # a person's board seat and a project partnership are not networks
    ("Ivan Petrov, member of the Board of Directors, opened the meeting.\n", "Sofia Tech Cluster", []),
    # a plain comma list of networks, "part of", "member cluster of"
    ("We are members of the Enterprise Europe Network, the European Cluster Alliance and the Vanguard Initiative.\n",
     "Graz Auto Cluster", ["Enterprise Europe Network", "European Cluster Alliance", "Vanguard Initiative"]),
    ("Since 2018 the cluster is part of the Alpine Space Cluster Network.\n", "Graz Auto Cluster", ["Alpine Space Cluster Network"]),
    ("Our association is a member cluster of the Baltic Wood Alliance.\n", "Riga Wood Cluster", ["Baltic Wood Alliance"]),
    ("We are a partner in the Interreg Europe project SMART-MOVE.\n", "Sofia Tech Cluster", []),
    ("Since 2019 we have been a partner in the Horizon Europe Innovation Action Water Smart Communities.\n", "Sofia Tech Cluster", []),
]

PARTNERS = [
    ("Which clusters do you collaborate with?: \nICT Cluster Bulgaria\nSrednogorie Industrial Cluster\nGreen Synergy Cluster\n",
     "ICT Cluster Plovdiv", ["ICT Cluster Bulgaria", "Srednogorie Industrial Cluster", "Green Synergy Cluster"]),
    ("Partners in the project are: Foundation ICT Cluster, Cluj IT Cluster, Vojvodina ICT Cluster, and Montenegrin IT Cluster.\n",
     "ICT Cluster", ["Cluj IT Cluster", "Vojvodina ICT Cluster", "Montenegrin IT Cluster"]),
    ("GIVE consists of 8 partners from 6 countries:5 ICT Clusters: ICT Cluster Bulgaria, Albanian Information and Technology "
     "Association, Cluj IT Cluster;2 Automotive Clusters: Automotive Cluster Bulgaria and Automotive Cluster Serbia1 Green "
     "Technology Cluster from Latvia: Green-Tech Latvia\n", "Cluj IT Cluster",
     ["ICT Cluster Bulgaria", "Albanian Information and Technology Association", "Automotive Cluster Bulgaria",
      "Automotive Cluster Serbia", "Green-Tech Latvia"]),
    ("A cooperation agreement was concluded on 29 January 2013 between the Electric Vehicles Industrial Cluster /EVIC/ and "
     "Automotive Cluster Bulgaria /ACB/.\n", "Automotive Cluster Bulgaria", ["Electric Vehicles Industrial Cluster"]),
    ("The founders are represented as follows: Petar Petrov for Bulgarian Cluster of Telecommunications, Prof. Dr. Ivan Ivanov "
     "for ICT Cluster – Varna, and Assoc. Prof. Maria Ilieva for ICT Cluster – Plovdiv.\n", "Federation of ICT Clusters",
     ["Bulgarian Cluster of Telecommunications", "ICT Cluster – Varna", "ICT Cluster – Plovdiv"]),
    ("The conference was attended by Anna Petrova “Bulgarian cluster telecommunications” and Ivan Ivanov “Odessa IT Cluster”.\n",
     "Balkan ICT Network", ["Bulgarian cluster telecommunications", "Odessa IT Cluster"]),
    ("Coordination of the Balkan ICT Network passes to CLUJ IT Cluster\n\nThe network is coordinated by Cluj IT Cluster.\n",
     "Balkan ICT Network", ["CLUJ IT Cluster"]),
    ("Cross-industry collaboration with Cluster Trakia Economic Zone and with the Srednogorie Industrial Cluster.\n",
     "ICT Cluster Plovdiv", ["Cluster Trakia Economic Zone", "Srednogorie Industrial Cluster"]),
    ("Споразумение за сътрудничество подписаха Клъстер „Мехатроника и автоматизация“ и нашият клъстер.\n", "Marine Cluster",
     ["Клъстер „Мехатроника и автоматизация“"]),
    # the profiled organisation itself, in other spellings
    ("The partnership is coordinated by ICT Cluster Bulgaria.\n", "ICT Cluster", [],),
    ("Foundation “Cluster Information and Communication Technologies” (ICT Cluster) cooperates with partners.\n", "ICT Cluster", []),
    ("The project partners of IT Cluster of Odessa met in Kyiv.\n", "Odessa IT Cluster", []),
    ("Our partners: DescriptionCluj IT Cluster works with members.\n", "Cluj IT Cluster", []),
    # no cooperation in the sentence
    ("In 1995 the Automotive Cluster Styria was founded.\n", "Austrian Cluster Platform", []),
    # events, programmes, roles and descriptions are not clusters
    ("Representatives of 6 members took part at the 4th Cluster Matchmaking Conference and the European Cluster Conference.\n",
     "Balkan ICT Network", []),
    ("Cluster Manager: \nJohn Smith\n", "ICT Cluster", []),
    ("The manual describes how a partner can build a Successful Business Cluster.\n", "Geoscience Ireland", []),
    ("The project partners are Sofia University and the Municipality of Ardino.\n", "ICT Cluster", []),
    ("Supported by CorkBIC and ICT Cluster in cooperation with partners.\n", "ICT Cluster", []),
    # a network the organisation belongs to is a network, not a partner
    ("We are a member of the Balkan and Black Sea ICT Clusters Network and cooperate with partners.\n", "ICT Cluster", []),
    # partner clusters are deduplicated, first-written form kept
    ("Which clusters do you collaborate with?: \nTrakia Economic Zone Cluster\n\nCollaboration with Cluster Trakia Economic Zone.\n",
     "ICT Cluster Plovdiv", ["Trakia Economic Zone Cluster"]),
]


PARTNERS += [
    # appositive introductions: "the <nationality/sector> cluster X", "X, the <...> cluster"
    ("The Flemish Logistics Cluster signed a cooperation agreement with the Dutch logistics cluster Port Connect on 3 May 2021.\n",
     "Flemish Logistics Cluster", ["Port Connect"]),
    ("We cooperate closely with Mecatech Valley, the competitiveness cluster for mechanical engineering, and with the Basque "
     "robotics cluster Robo Hub Euskadi.\n", "Madrid Robotics Cluster", ["Mecatech Valley", "Robo Hub Euskadi"]),
    ("In May the cluster signed a memorandum with the Hungarian cluster Medical Innovation Hub Pécs on joint calls.\n",
     "Vienna Health Cluster", ["Medical Innovation Hub Pécs"]),
    ("The study trip was organised together with the Bavarian automotive cluster Auto Initiative Franken, our partner in the "
     "project.\n", "Styrian Car Cluster", ["Auto Initiative Franken"]),
    # non-English cluster words
    ("It cooperates with Clusterul Mobilei Transilvania on joint projects.\n", "Cluj Furniture Cluster",
     ["Clusterul Mobilei Transilvania"]),
    ("Клъстерът подписа споразумение за сътрудничество с Текстилен клъстер – Сливен.\n", "Клъстер „Мода“", ["Текстилен клъстер – Сливен"]),
    # a list of project partners under a "Partners" heading: clusters only, without their seats
    ("Project SMARTWOOD\n\nPartners\n\n1. Nordic Tech Cluster – Oslo, Norway – coordinator\n2. Automobil-Cluster Steiermark – "
     "Graz, Austria\n3. Wood Cluster Tyrol – Innsbruck, Austria\n4. University of Oslo – Oslo, Norway\n", "Nordic Tech Cluster",
     ["Automobil-Cluster Steiermark", "Wood Cluster Tyrol"]),
    ("Partners:\n- ICT Cluster – Varna\n- Sofia University\n- Green Tech Cluster (Latvia)\n", "Danube ICT Network",
     ["ICT Cluster – Varna", "Green Tech Cluster"]),
    # a sentence-initial adverb is not part of a name
    ("Today Baltic Food Cluster cooperates with 40 partners.\n", "Baltic Food Cluster", []),
    ("Together with Wood Cluster Styria, we signed the memorandum.\n", "Baltic Food Cluster", ["Wood Cluster Styria"]),
    # "and" after a country ends the first name
    ("We signed an agreement with Rhine Food Cluster from Germany and Food Cluster Lombardy.\n", "Alpine Food Cluster",
     ["Rhine Food Cluster", "Food Cluster Lombardy"]),
    # a host of the profiled network's event
    ("Host of the forum was the Aegean Maritime Cluster.\n", "Mediterranean Cluster Network", ["Aegean Maritime Cluster"]),
    ("The cluster works with the Nordic Wood Association and Lapland Timber Cluster on joint projects.\n", "Oulu Wood Cluster",
     ["Lapland Timber Cluster"]),
    # a network the organisation belongs to is not a partner
    ("Our cluster belongs to the Nordic Maritime Cluster Network and cooperates with partners.\n", "Oslo Maritime Cluster", []),
    # a cluster whose initials equal the profiled organisation's acronym is another cluster
    ("Collaborating clusters: \nPlastics Manufacturing Cluster\n", "Porto Mobility Cluster", ["Plastics Manufacturing Cluster"]),
    # no cooperation named: guests, roles
    ("Guests came from the Estonian fintech cluster FinanceEstonia.\n", "Riga Finance Cluster", []),
    ("The cluster President Ivan Petrov opened the assembly.\n", "Sofia Tech Cluster", []),
    ("Partners joined the establishment of the cluster TEXO, present since 2010.\n", "TEXO Cluster", []),
    # a place before "the ... cluster" is not a cluster's name
    ("In Ljubljana, the Slovenian cluster Health Hub Celje signed a cooperation agreement with us.\n", "Zagreb Med Cluster",
     ["Health Hub Celje"]),
    ("Ivan Petrov, the cluster manager, signed the agreement.\n", "Sofia Tech Cluster", []),
    # member clusters listed on a network's own page
    ("Members\n\n• Wood Cluster Tyrol\n• Timber Cluster Bavaria\n• Forest Agency Austria\n", "Alpine Wood Cluster Network",
     ["Wood Cluster Tyrol", "Timber Cluster Bavaria"]),
    ("The mission was organised together with the Italian cluster Next Mobility Lab.\n", "Lyon Mobility Cluster",
     ["Next Mobility Lab"]),
]
# Brand names without a network word after "member of" / "joined", lists going on after a lower-case type word or a
# "since 2021" aside; boards and member counts are no networks (organisations invented here).
NETWORKS += [
    ("Tyrol Robotics Cluster is a member of euRobotics.\n", "Tyrol Robotics Cluster", ["euRobotics"]),
    ("The cluster is a member of euRobotics and works with universities.\n", "Tyrol Robotics Cluster", ["euRobotics"]),
    ("The cluster joined euRobotics in 2019.\n", "Tyrol Robotics Cluster", ["euRobotics"]),
    ("The cluster is a member of Agoria.\n", "Brussels Tech Cluster", ["Agoria"]),
    ("In 2020 we joined SPIRE and became a member of Cefic.\n", "Antwerp Chem Cluster", ["SPIRE", "Cefic"]),
    ("Styrian Timber Cluster is a member of the Alpine Wood Network and of proHolz Austria.\n", "Styrian Timber Cluster",
     ["Alpine Wood Network", "proHolz Austria"]),
    ("PackDesign Flanders is a member of the European Packaging Clusters Alliance and of essenscia, the Belgian "
     "federation of chemistry and life sciences.\n", "PackDesign Flanders",
     ["European Packaging Clusters Alliance", "essenscia"]),
    ("Munster Dairy Cluster is a member of the AgriFood Clusters Europe network and of Cluster Ireland.\n",
     "Munster Dairy Cluster", ["AgriFood Clusters Europe", "Cluster Ireland"]),
    ("The cluster is a member of the Nordic Battery Network and, since 2021, of the European Battery Alliance.\n",
     "Norrland Battery Cluster", ["Nordic Battery Network", "European Battery Alliance"]),
    ("We are members of the Baltic Laser Network and, since 2019, of the Photonics Europe Alliance.\n",
     "Riga Laser Cluster", ["Baltic Laser Network", "Photonics Europe Alliance"]),
    ("Ana Horvat is a member of the Board of Directors.\n", "Adriatic Boat Cluster", []),
    ("The cluster manager is a member of the Board of Directors of the regional agency.\n", "Adriatic Boat Cluster", []),
    ("Our director is member of the Supervisory Board.\n", "Adriatic Boat Cluster", []),
    ("The cluster has 71 members in Troms, Finnmark and Nordland.\n", "Arctic Fish Cluster", []),
    ("The network has 40 members in Lapland, Kainuu and Oulu.\n", "Arctic Wood Network", []),
]

PARTNER_ALIASES = {"Porto Mobility Cluster": ["PMC"]}


# Romance languages (invented here): receiving verbs, network membership, partner names joined by "de (la)"
LABELS += [
    ("Nel 2021 il cluster ha ottenuto il Bronze Label della European Secretariat for Cluster Analysis.\n", "Cluster Legno Veneto",
     ["Bronze Label"]),
    ("En 2023, le cluster a obtenu le Silver Label de l'ESCA.\n", "Cluster Bois Alpes", ["Silver Label"]),
    ("Clusterul Textil Vest a primit certificarea Gold Label pentru excelență.\n", "Clusterul Textil Vest", ["Gold Label"]),
]
NETWORKS += [
    ("Il cluster è socio fondatore della Rete Italiana Cluster del Mobile.\n", "Cluster Legno Veneto", ["Rete Italiana Cluster del Mobile"]),
    ("Il est membre du Réseau Bois Construction France depuis 2015.\n", "Cluster Bois Alpes", ["Réseau Bois Construction France"]),
    ("El clúster forma parte de la Alianza de Clústeres Industriales de Aragón.\n", "Clúster del Envase",
     ["Alianza de Clústeres Industriales de Aragón"]),
    ("O cluster é membro da Rede Portuguesa de Clusters Agroalimentares.\n", "Cluster do Azeite", ["Rede Portuguesa de Clusters Agroalimentares"]),
    ("Clusterul face parte din Alianța Clusterelor din Regiunea Nord-Est.\n", "Clusterul Lemn Bucovina",
     ["Alianța Clusterelor din Regiunea Nord-Est"]),
]
PARTNERS += [
    # list items split on middle dots, never inside a note in brackets; "the cluster:" heads no list
    ("Partner clusters\nKharkiv Machinery Cluster (Ukraine) · Lublin Food Cluster (Lublin, Poland)\n", "Odesa Agro Cluster",
     ["Kharkiv Machinery Cluster", "Lublin Food Cluster"]),
    ("Project manager at the cluster: Guðrún Einarsdóttir\nContact at the cluster: Noa Ben-Ami, Director\n", "Negev Water Cluster", []),
    ("Collabora stabilmente con il Cluster Arredo Alto Livenza e con il Clúster del Mueble de Yecla.\n", "Cluster Legno Veneto",
     ["Cluster Arredo Alto Livenza", "Clúster del Mueble de Yecla"]),
    ("Hem signat un acord de col·laboració amb el Clúster TIC de Girona.\n", "Clúster Robòtica Vallès", ["Clúster TIC de Girona"]),
]


@pytest.mark.parametrize("text,name,expected", LABELS)
def test_labels(text, name, expected):
    assert values(text, "labels", name) == expected


@pytest.mark.parametrize("text,name,expected", NETWORKS)
def test_networks(text, name, expected):
    assert values(text, "networks", name) == expected


@pytest.mark.parametrize("text,name,expected", PARTNERS)
def test_partner_clusters(text, name, expected):
    found = {"country": "BG"} if "Bulgaria." in text else {}
    if name in PARTNER_ALIASES:
        found["aliases"] = PARTNER_ALIASES[name]
    assert values(text, "partner_clusters", name, **found) == expected


@pytest.mark.parametrize(
    "key,text,name",
    [("labels", *c[:2]) for c in LABELS if c[2]] + [("networks", *c[:2]) for c in NETWORKS if c[2]]
    + [("partner_clusters", *c[:2]) for c in PARTNERS if c[2]],
)
def test_evidence_contains_value(key, text, name):
    doc, result = run(text, name)
    assert result.values[key]
    for i, value in enumerate(result.values[key]):
        start, end = result.evidence[f"/{key}/{i}"]
        assert affiliations.norm(value) in affiliations.norm(doc.text[start:end])


@pytest.mark.parametrize(
    "a,b,same",
    [
        ("ICT Cluster", "Foundation ICT Cluster", True),
        ("Odessa IT Cluster", "IT Cluster of Odessa", True),
        ("BBS ICT Clusters Network", "Balkan and Black Sea ICT Clusters Network", True),
        ("ICT Cluster Burgas", "Cluster Information and Communication Technologies – Burgas", True),
        ("Trakia Economic Zone Cluster", "Cluster Trakia Economic Zone", True),
        ("Hungarian Cluster Alliance", "Hungarian Cluster Association", True),
        ("ICT Cluster", "ICT Cluster Bulgaria", False),
        ("Cluj IT Cluster", "ICT Cluster", False),
        ("ICT Cluster – Varna", "ICT Cluster – Plovdiv", False),
        ("", "ICT Cluster", False),
    ],
)
def test_same_organisation(a, b, same):
    assert affiliations.same_organisation(a, b) is same


@pytest.mark.parametrize(
    "text",
    [
        "", "\n\n", "Cluster", "Cluster:", "“Cluster”", "label label label", "member of the", "5 Clusters: ; , ;", "\u200b\ufeff",
        "Partners:\n", "Partners\n\n- \n- –\n", "-Cluster -Cluster", "a-Cluster", ", the cluster", "the big cluster ", "клъстер",
        "Label GOLD", "member of X, the a network, and of", "is part of the", "Today Cluster",
    ],
)
def test_odd_input_never_raises(text):
    run(text, None)
    run(text, "Cluster")


def test_one_huge_line_stays_fast():
    """Sentence and cue look-ups are windowed: a page that is one long line is processed in linear time."""
    import time

    unit = ("the Tuscan fashion cluster Next Textile Hub, the competitiveness cluster for wood, member of the A Network, "
            "signed with Wood Cluster Tyrol and received the Gold Label of ESCA, ")
    start = time.perf_counter()
    run(unit * 1500, "Alpine Wood Cluster")
    assert time.perf_counter() - start < 20


@pytest.mark.parametrize(
    "text,name,expected",
    [
        # a network's member list under "Our member clusters"; a town after the dash is the seat
        ("Our member clusters\n\n- Rhine Life Sciences Cluster – Basel\n- Lake Geneva Cleantech Cluster – Lausanne\n"
         "- ICT Cluster – Varna\n", "Swiss Innovation Clusters Association",
         ["Rhine Life Sciences Cluster", "Lake Geneva Cleantech Cluster", "ICT Cluster – Varna"]),
        # a bracketed country is not part of the partner's name
        ("We cooperate with the Riga Data Cluster (Latvia) and the Tampere Health ICT Cluster (Finland).\n",
         "Emajogi Software Cluster", ["Riga Data Cluster", "Tampere Health ICT Cluster"]),
        # a cluster word inside the name of a network joined is not another partner
        ("SICA is a member of the European Network of Cluster Associations (ENCA).\n",
         "Swiss Innovation Clusters Association", []),
    ],
)
def test_partner_cluster_shapes(text, name, expected):
    assert values(text, "partner_clusters", name) == expected
