"""Article mode: quote typography, non-statements, attribution rules, and robustness on any text."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotestance.article.countries import (
    country_of_description,
    leader_country_of_family_name,
    office_holder_country,
)
from quotestance.article.pipeline import extract_articles, extract_quotes
from quotestance.article.quotes import find_quotes
from quotestance.article.speakers import SpeakerResolver


def _quotes(text):
    return [text[s.start:s.end] for s in find_quotes(text)]


@pytest.mark.parametrize("text,expected", [
    ("Il a dit «\u00a0nous sommes prêts\u00a0» hier.", ["nous sommes prêts"]),
    ("Il a dit «\u202fnous sommes prêts\u202f» hier.", ["nous sommes prêts"]),
    ("Il a dit «nous sommes prêts» hier.", ["nous sommes prêts"]),
    ("She said “we are ready” on Monday.", ["we are ready"]),
    ('She said "we are ready," and left.', ["we are ready"]),
    ("« Il parle d'un “axe” nouveau », a-t-il dit.", ["Il parle d'un “axe” nouveau"]),
    ("« Premier paragraphe.\n\n« Second paragraphe. » a-t-il dit.",
     ["Premier paragraphe.", "Second paragraphe."]),
    ('"First paragraph.\n\n"Second paragraph," she said.', ["First paragraph.", "Second paragraph"]),
    ("« Jamais fermé.\n\nParagraphe suivant sans guillemet.", []),
    ("«Les sanctions fonctionnent, a-t-il ajouté, mais lentement.»",
     ["Les sanctions fonctionnent", "mais lentement."]),
    ("« Nous sommes prêts, a déclaré le ministre estonien, Lauri Pärnaste, à discuter. »",
     ["Nous sommes prêts", "à discuter."]),
])
def test_quote_typography(text, expected):
    assert _quotes(text) == expected


def test_partial_quotes_in_reported_speech_are_statements():
    """"se dit «…»" reports words ("le dispositif dit «…»" names a thing); "reprocher à X de «…»", "en rejetant
    des «…»" report them too. A quoted name after "baptisé" is still no statement."""
    text = ("Dans un message publié lundi, Vilnius se dit «\u00a0disposé à rouvrir les discussions techniques\u00a0». "
            "La ministre reproche à Minsk de «\u00a0laisser passer les ballons sans contrôle\u00a0», tout en "
            "rejetant des «\u00a0accusations sans fondement\u00a0». Le plan, baptisé «\u00a0Frontière sûre\u00a0», "
            "entre en vigueur mardi.")
    assert [r["quote"] for r in extract_quotes(text, "fr")] == [
        "disposé à rouvrir les discussions techniques", "laisser passer les ballons sans contrôle",
        "accusations sans fondement"]


def test_multi_paragraph_parts_share_a_group():
    spans = find_quotes("« Un.\n\n« Deux. » dit-elle. « Trois. »")
    assert [s.group for s in spans] == [0, 0, 1]


ARTICLE_FR = (
    "Réunion tendue à Varsovie\n\n"
    "Le ministre russe de la Défense, Oleg Varnikov, a appelé jeudi à « travailler ensemble à la "
    "désescalade ». Les ministres allemands ont appelé Varsovie à « reprendre les consultations ».\n\n"
    "« Ces inquiétudes sont sans fondement », a répondu M. Varnikov. L'opération « Bouclier boréal » "
    "se poursuit.\n\n"
    "Selon Varnikov, « rien ne justifie cette hystérie ».\n"
)


def test_attribution_follows_syntax_not_proximity():
    rows = extract_quotes(ARTICLE_FR, "fr")
    by_quote = {r["quote"]: r for r in rows}
    assert "Bouclier boréal" not in by_quote                      # a name, not a statement
    assert by_quote["travailler ensemble à la désescalade"]["country"] == "RU"
    assert by_quote["reprendre les consultations"]["country"] == "DE"   # not PL (Varsovie)
    assert by_quote["Ces inquiétudes sont sans fondement"]["speaker"] == "Oleg Varnikov"
    assert by_quote["rien ne justifie cette hystérie"]["country"] == "RU"  # propagated
    for r in rows:
        assert ARTICLE_FR[r["start"]:r["end"]] == r["quote"]


def test_english_attribution_and_pronouns():
    text = ("Talks in Geneva\n\nBritain's foreign secretary, Alan Pryce, said the deal was "
            "\"a first step toward a lasting settlement.\" \"We will keep working,\" he added. "
            "According to the Kremlin, \"the door remains open to all parties.\"\n")
    rows = extract_quotes(text, "en")
    assert [r["country"] for r in rows] == ["GB", "GB", "RU"]
    assert rows[1]["speaker"] == "Alan Pryce"


@pytest.mark.parametrize("text,lang,country", [
    # a role held in a body named before: "its spokesperson", "Commission spokesperson", "de l'ONG"
    ("The World Food Programme warned of famine. \"Stocks will run out in May,\" said its spokesperson "
     "Ana Pereira in Greece.", "en", "UN"),
    ("Greece and the European Commission met on Monday. \"We are in contact,\" Commission spokesperson "
     "Jan Vermeer said.", "en", "EU"),
    ("Le CICR s'inquiète. « La situation empire », affirme Paul Girard, coordinateur d'urgence de l'ONG.",
     "fr", "ICRC"),
    # an organisation the speaker works for outranks the place where they work
    ("« Les convois sont bloqués », a déclaré le chef de la délégation du CICR au Soudan, Marc Aubry.",
     "fr", "ICRC"),
    # an organisation named in full is no pointer to an earlier one
    ("L'Algérie et l'Union européenne négocient. « Le gaz reste central », estime Karine Roux, chercheuse "
     "à l'Observatoire méditerranéen de l'énergie en France.", "fr", "FR"),
    ("Le HCR cofinance le dispositif. « Le retour doit rester volontaire, précise Tobias Engström, son "
     "représentant au Liban. »", "fr", "UN"),
    ("According to IMF spokesperson Carla Lind, the Fund \"stands ready to help.\"", "en", "IMF"),
    # the first country word of the role, not a place in its portfolio; a national branch
    ("In London, the Foreign Office minister for Latin America, Fiona Hale, said: \"We urge calm.\"", "en", "GB"),
    ("\"Coal must go,\" said Marta Lis, energy campaigner at Greenpeace Poland.", "en", "PL"),
    # "the ministry", "its defence ministry": the body named before
    ("Talks stalled on Monday after Iran's Foreign Ministry summoned the envoy of Germany. Berlin said little. "
     "The ministry said the sanctions were \"illegal and will fail.\"", "en", "IR"),
    ("Greece asked for help. Türkiye also offered it. Its defence ministry said two aircraft stood \"ready to "
     "help our neighbour as soon as Athens asks.\"", "en", "TR"),
    ("La Commission européenne a répondu. « Nous examinons le texte », a indiqué un porte-parole de la "
     "Commission lors d'un point presse.", "fr", "EU"),
    # the place that opens the sentence locates a speaker introduced without a country
    ("In Yerevan, opposition lawmaker Anna Vartanyan called the deal \"a capitulation.\" Iran and Iran's allies, "
     "Iran's press and Iran's clerics were silent.", "en", "AM"),
    # "federal" narrows the paragraph's countries to federal states
    ("La Belgique accueille la réunion.\n\n« Nous tiendrons nos engagements », a déclaré la ministre fédérale du "
     "Climat, Hélène Derycke, devant les délégations des Philippines. Les Philippines et Manille attendent.",
     "fr", "BE"),
    # a body the speaker works at is theirs, one they are accredited to is not
    ("La Chine a freiné. « Le fonds doit servir d'abord les plus vulnérables », a dit la directrice de "
     "l'adaptation à ONU Climat, Ana Ruiz.", "fr", "UN"),
    ("« Le texte est équilibré », a estimé le représentant permanent de la France auprès de l'ONU, Paul Mérel.",
     "fr", "FR"),
    # a capital's envoy is its state's; the state an envoy is posted to is not theirs
    ("Cairo asked for wheat. \"We will ship rice before the harvest,\" said Budi Santoso, Jakarta's ambassador "
     "to Egypt.", "en", "ID"),
    # every state of countries.csv has its demonyms
    ("Bakou a dénoncé l'accord. « Le corridor restera ouvert », a rappelé la ministre géorgienne de l'Économie, "
     "Nino Abashidze.", "fr", "GE"),
    # "the commission", "the mission": the last body of that kind named, with a long name's nationality;
    # a body just named and a body the UN runs do not outrank it
    ("The Kenyan National Drought Management Authority and the Ethiopian Disaster Risk Management Commission "
     "met on Monday. UNICEF and the WFP sent trucks. According to the commission, the drought is \"serious but "
     "manageable.\"", "en", "ET"),
    ("The Chinese mission to the EU answered within hours. Brussels and the European Commission said little. "
     "The mission said the listing was \"groundless.\"", "en", "CN"),
    # "its" in the sentence that names its owner ("Beijing…, but its envoy"), not a body named before;
    # a place the sentence starts from ("depuis Abuja") owns nothing
    ("Tokyo sent tents through its aid agency, JICA. Beijing has promised a relief flight, but its special "
     "envoy for climate change, Lu Hai, went on the offensive: \"Rich countries must pay.\"", "en", "CN"),
    ("La CEDEAO tente de garder un pied dans le dossier. Dans un communiqué diffusé depuis Abuja, sa "
     "Commission affirme qu'elle « reste disposée à appuyer » les efforts.", "fr", "ECOWAS"),
    # "Selon X, la mesure répond à «…»": the verb's subject names no one, so "selon" names the speaker
    ("Pékin a protesté. Selon un communiqué du ministère néerlandais des Affaires étrangères publié mardi, la "
     "mesure répond à des « impératifs de sécurité nationale ».", "fr", "NL"),
    # a member of the European Parliament speaks for the EU, whatever her nationality (codebook §3)
    ("Lisbonne soutient le texte. « Le compromis protège nos éleveurs », estime l'eurodéputée portugaise Inês "
     "Cordeiro.", "fr", "EU"),
    # Cuba, Benin, Amman and other names that are first of all states and capitals are found
    ("Les coupures se multiplient à Cuba. « Nous remettrons la centrale en service », a promis le ministre de "
     "l'Énergie, Ramón Pujol. Le Mexique a livré du pétrole.", "fr", "CU"),
    # «…», a affirmé son porte-parole, sans un mot…: the words after the comma do not belong to the role; "son"
    # is what the sentence before the quote is about, not the last country it names
    ("Le ministre vietnamien a protesté.\nÀ Pékin, le ministère chinois des Affaires étrangères "
     "a rejeté la version vietnamienne. « Les îles font partie du territoire chinois. Les garde-côtes ont agi "
     "selon la loi », a affirmé son porte-parole, sans un mot sur les blessés.", "fr", "CN"),
    # "who heads <body>": the body, not the nationality; a country across a border is a neighbour
    ("Haiti's farmers need seed. \"We cannot wait for March,\" said Henrike Vos, the Dutch agronomist who heads "
     "the World Food Programme's Caribbean office.", "en", "UN"),
    ("« Le scrutin a été libre », a estimé Maarit Kuusela, la Finlandaise qui a dirigé l'OSCE en 2025.",
     "fr", "OSCE"),
    ("Mexico tightened its checks. \"They sleep in the church,\" said Father Ernesto Ruiz, who runs a shelter in "
     "Tapachula, a few kilometres from the border with Guatemala.", "en", "MX"),
    # "a spokesman for the movement": the movement named before (the indefinite article is the spokesman's)
    ("The Houthis insist their campaign targets Israel. \"Ships with no link to Israel have nothing to fear,\" "
     "Ali al-Marrani, a "
     "spokesman for the movement, wrote. Egypt and Cairo and Egypt again worry about the canal.", "en", "YE"),
    # a state's own bodies count for the paragraph's most-named state
    ("Le Quai d'Orsay a protesté, l'Élysée aussi ; Berlin s'est tu. « Nous ne céderons pas », a déclaré le "
     "ministre délégué, Paul Mérel.", "fr", "FR"),
    # "la porte-parole de la Commission chargée du commerce": the Commission, not its portfolio; with no
    # commission named before, the European one
    ("Madrid réclame la clause. Selon la porte-parole de la Commission chargée du commerce, Liesbeth Vos, "
     "« rien ne justifie la clause ». L'Espagne et Madrid insistent.", "fr", "EU"),
    # an overseas territory's people are of its state
    ("Tokyo a défendu le rejet. « Nos lagons ne sont pas une poubelle », a déclaré le ministre polynésien de "
     "la Mer, Teva Manutahi.", "fr", "FR"),
    # a seat of international bodies stands for them, not for its state; a full stop ends the name
    ("Old quarrels with Brussels are back. \"Where is the promised help?\" Interior Minister Serdar Demirtepe "
     "asked, as refugees in Türkiye waited. Nobody answered from Bruxelles.", "en", "TR"),
    # a possessive points to a body only before a role or a body ("à sa sortie" is neither)
    ("Le Canada et la Chine discutent du canola.\n\n« C'est une première étape encourageante », a déclaré le "
     "ministre fédéral de l'Agriculture, Kevin Rasmussen, à sa sortie d'une rencontre avec son homologue chinois.",
     "fr", "CA"),
    # "de l'ONG": the last NGO named, not an international body named in between; curly apostrophes
    ("Médecins sans frontières gère le centre. L'OMS envoie des vaccins. « Les primes manquent », affirme "
     "Paul Verbeke, coordinateur d'urgence de l'ONG.", "fr", "CH"),
    ("Moscow was silent. \"We regret the decision,\" the Quai d’Orsay said.", "en", "FR"),
    # "le porte-parole du ministère": the ministry named before, not the paragraph's country
    ("Le ministère chinois du Commerce a protesté.\n\nÀ Bruxelles, la Belgique et la Commission se taisent. "
     "« Nous défendrons nos entreprises », a déclaré le porte-parole du ministère, Li Wen, à Bruxelles.",
     "fr", "CN"),
    # "the mining ministry" is not the commerce ministry named before
    ("Chile tightened its lithium rules on Monday. Santiago says Chile needs the revenue. China's commerce "
     "ministry said it hoped for fair treatment. The mining ministry said \"no permit will be issued before "
     "the consultation ends.\"", "en", "CL"),
    # "au Timbuktu Institute": the institute named in the description, not the last one named before
    ("L'Institute for Security Studies a publié une note. « La coopération régionale reste fragile », estime "
     "Ousmane Diop, chercheur au Timbuktu Institute.", "fr", "SN"),
    # "its trade ministry" belongs to a state; "a department spokesperson", "A spokesperson": the body just named
    ("The European Steel Association (Eurofer) welcomed the quota. Türkiye, the bloc's second supplier, "
     "objected. Its trade ministry said Ankara \"will protect its rights.\"", "en", "TR"),
    ("Egypt and Sudan met in Cairo. In Washington, the State Department urged calm. \"We stand ready to "
     "help,\" a department spokesperson said.", "en", "US"),
    ("Italy signed the deal. The European Commission was more cautious. A spokesperson said it was "
     "\"following the implementation closely.\"", "en", "EU"),
    ("\"Our pilots are tired,\" said Marco Bellini, head of Italy's Civil Protection Department. The European "
     "Commission thanked Rome.", "en", "IT"),
    # "X of the Korea Institute…": a description after "of"; the family name written first comes back alone
    ("Beijing lifted the sanctions on Monday. According to Park Ji-won of the Korea Development Institute, the "
     "thaw is fragile. China's move was welcomed in Washington.\n\n\"Companies will price political risk,\" "
     "Park said. China and Beijing and China again.", "en", "KR"),
    # the town an official serves; the words after the name stop at the quote ("the Turkish rescuers")
    ("Türkiye reopened the border crossing with Armenia on Monday.\n\nOn the Armenian side, Gyumri's mayor, Karen "
     "Petrosyan, reaches for a longer memory:\n\n\"People remember the Turkish rescuers of 1988. Türkiye came.\"",
     "en", "AM"),
    # "its" after a capital standing for its government
    ("Moscow was dismissive.\n\nMinsk, for its part, rejected what its foreign ministry called Washington's "
     "\"interference in our affairs.\"", "en", "BY"),
    # "la diplomatie" named before; a clause after the name ("qui a qualifié la décision américaine") is no description
    ("La diplomatie iranienne a protesté.\n\nLe porte-parole de la diplomatie, Hamid Rezai, a qualifié la décision "
     "américaine d'« acte de piraterie économique ». Washington et les États-Unis maintiennent les sanctions.",
     "fr", "IR"),
    # the words after an inserted attribution go on with the quote, they describe no one
    ("À Paris, la ministre se veut ferme. « Nous ne reviendrons pas sur le mécanisme, a prévenu Claire Morin, "
     "mais nous sommes prêts à en discuter avec Pékin. »", "fr", "FR"),
    # an office, then a nationality: the office's organisation
    ("Le Conseil permanent s'est réuni. « Le dialogue reste possible », a estimé le secrétaire général de "
     "l'OSCE, le Suédois Lars Ekdal.", "fr", "OSCE"),
    ("La mission de l'Union européenne au Kosovo patrouille. « Tout est calme », a dit son chef, l'Estonien "
     "Mart Kask.", "fr", "EU"),
    ("Le Suédois Lars Ekdal, ancien diplomate, a jugé que « le dialogue reste possible ».", "fr", "SE"),
    ("L'OSCE ouvre une mission en Hongrie. La cheffe de la mission, la Finlandaise Aino Virtanen, a détaillé "
     "le dispositif : « Nous déploierons trois cents observateurs. »", "fr", "OSCE"),
    # a counterpart who is the speaker gives the speaker's country
    ("À Calais, le ministre français de l'Intérieur et son homologue britannique, Helen Marwood, ont signé "
     "l'accord. « Nous prolongeons le dispositif pour trois ans », a-t-elle déclaré. La France et Paris saluent "
     "l'accord.", "fr", "GB"),
    ("Son homologue britannique, Oliver Penn, a été plus sévère : « L'Iran doit revenir à ses engagements. »",
     "fr", "GB"),
    # a body named only where it is quoted: the country of that paragraph, not the article's
    ("Greece and Athens pressed on with patrols. Greek officials and Greece's navy stayed.\n\nIn Tripoli, Libya "
     "answered. \"We reject these patrols,\" the foreign ministry said.", "en", "LY"),
    # a possessive refers back: "Son directeur pour le Kirghizistan" belongs to the Chinese group before it
    ("Un consortium a bouclé un prêt, et c'est un groupe public chinois qui coule le béton. Son directeur pour "
     "le Kirghizistan, Zhang Wenhao, reçoit dans un bungalow.\n« Nos équipes travaillent jour et nuit », "
     "affirme-t-il.", "fr", "CN"),
    # an organisation's seat named as such opens the sentence
    ("Moscow protested. At NATO headquarters in Brussels, spokeswoman Clara Whitcombe rejected the Russian "
     "charge, saying the drills were \"defensive in nature and planned long ago\".", "en", "NATO"),
    # a title alone before the name: the role is in the chunk before it
    ("The World Health Organization has tried to keep out of the quarrel between Pakistan and India.\n\"We urge "
     "both governments to create a dedicated channel for essential medicines,\" the organisation's "
     "representative in Pakistan, Dr Elena Marchetti, told "
     "reporters in Islamabad, Pakistan.", "en", "WHO"),
    # the place a staff member covers is not theirs; "son" reaches back over a long quote
    ("Le Conseil norvégien pour les réfugiés (NRC), qui gère une partie de l'approvisionnement, tire la sonnette "
     "d'alarme. « Deux des trois stations de pompage sont à l'arrêt faute de carburant, et le gouvernorat doit "
     "débloquer le fonds d'urgence qu'il a promis en octobre aux quartiers est de la ville », affirme son "
     "coordinateur pour le Sud-Kivu, Patrick Mulumba.", "fr", "NO"),
    # a body's name in the possessive: the country it was first named with
    ("Codelco will sell copper to China's Jiangnan Nonferrous Smelting, Chile said.\nIn Nanjing, Jiangnan's "
     "vice-president for procurement, Wei Lianjun, called Codelco \"a partner we have trusted for twenty "
     "years\". Chile and Santiago welcomed it.", "en", "CN"),
    # no country where the minister is introduced: the one the headline and lede are about
    ("Slovaquie : la réforme pénale contestée\n\nBratislava défend sa réforme pénale.\n\nLe ministre de la "
     "Justice, Matej Horvat, a répondu aux critiques. « Nous ne reculerons pas sur ce texte », a-t-il dit.\n\n"
     "L'Irlande et Dublin ont soutenu Bruxelles ; Dublin a rappelé que l'Irlande suivait le dossier.", "fr", "SK"),
    # a minister is a state's: the EU, named most in the paragraph, is not theirs
    ("Serbia's accession talks\n\nBelgrade hopes to open a new cluster in Serbia's EU talks.\n\nIn Brussels, the "
     "EU and the European Commission listened. \"We remain fully committed to the EU path,\" said Jelena Markovic, "
     "the minister for European integration, after meeting EU envoys.", "en", "RS"),
    # a spokesperson's bare title: the body the sentence before is about
    ("Finland asks for help after cable damage\n\nFinland and Estonia count the cost. The European Union's border "
     "agency signalled support. \"Our officers stand ready to deploy if Helsinki asks for them,\" spokeswoman Ilse "
     "Krogh said. Neighbouring Estonia also weighed in.\n", "en", "EU"),
    # an underwriter at a Lloyd's syndicate works in the London market
    ("Insurers raise Red Sea premiums\n\nYemen's Houthis struck again off Hodeidah. \"Rates have tripled since "
     "March,\" said Moira Kettle, who runs the marine war book at a Lloyd's syndicate.", "en", "GB"),
    # "the authority's managing director": an authority is an agency
    ("Ships queue at Port Said as Egypt and Panama compare notes. The Suez Canal Authority said transits fell again "
     "in May.\n\"We are ready to cut fees further,\" said the authority's managing director, Karim Saad, as Panama "
     "looked on.", "en", "EG"),
    # a body named only where it is quoted: the place its sentence opens on ("In Bogotá,", "Côté saoudien,")
    ("Panama closes the Darién route\n\nPanama tightened controls. In Bogotá, the foreign ministry said it had "
     "offered Panama \"a joint protocol for the crossing.\" Panamanian officials did not respond.", "en", "CO"),
    ("Oman propose sa médiation. Oman et Mascate s'inquiètent. Côté saoudien, le ministère de l'Énergie a assuré que "
     "les livraisons « ne seraient pas affectées » par la crise à Oman.", "fr", "SA"),
    # "la ministre de l'Intégration européenne": Europe is her portfolio, not her organisation
    ("Belgrade attend Bruxelles\n\nLa Serbie veut avancer. « Nous avons rempli nos engagements », a déclaré la "
     "ministre de l'Intégration européenne, Vesna Pavlović, devant la presse.", "fr", "RS"),
    # a possessive opening its sentence refers to the subject of the sentence before, or to the place
    # that sentence opens on, not to the party it names last
    ("À Oslo, le ministère des Affaires étrangères a rejeté les accusations de Moscou. Son porte-parole, "
     "Henrik Dalvang, a déclaré : « Nous n'avons rien à cacher. »", "fr", "NO"),
    ("Gassco a relevé ses tarifs, et l'opérateur danois Nordvarme ne décolère pas contre Oslo. Sa directrice, "
     "Mette Krog, a dénoncé « une hausse brutale ».", "fr", "DK"),
    ("In Gdansk itself, a port that has long traded with Sweden, the mood is different. Its mayor, Tomasz Welc, "
     "said: \"We cannot wait another winter.\"", "en", "PL"),
])
def test_role_owner_gives_the_country(text, lang, country):
    rows = extract_quotes(text, lang)
    assert rows and {r["country"] for r in rows} == {country}


@pytest.mark.parametrize("description,country", [
    ("le ministre des Armées, qui s'est entretenu avec son homologue russe", "FR"),   # France's title
    ("who spoke with his Pakistani counterpart on Monday", None),
    ("le ministre français, qui s'est entretenu avec son homologue russe", "FR"),
    ("son homologue britannique", "GB"),
    ("chercheur à l'université Bilkent", "TR"),          # French for "Bilkent University"
    ("the minister for European integration", None),      # a portfolio, not an owner
    ("la rapporteuse spéciale sur le droit à l'eau", "UN"),  # mandate holders speak for the UN (CODEBOOK §3)
    ("le président de la Confédération paysanne", "FR"),   # a French farmers' union, not Switzerland's office
    ("la ministre déléguée aux Affaires européennes", None),
    ("professeure à l'Université d'Oxford", "GB"),
])
def test_a_counterparts_country_is_not_the_speakers(description, country):
    assert country_of_description(description) == country


@pytest.mark.parametrize("text,lang,speakers", [
    pytest.param("Le ministre Jean Aubry était présent. « Nous remercions Paul Girard pour son aide », a-t-il dit. "
                 "« Et nous continuerons », a-t-il ajouté.", "fr", ["Jean Aubry", "Jean Aubry"],
                 id="names inside quotes introduce no speaker"),
    pytest.param("La réponse tunisienne n'a pas tardé : dans un communiqué, le ministère des Affaires étrangères "
                 "« rejette catégoriquement toute ingérence dans les affaires intérieures du pays ».", "fr",
                 ["le ministère des Affaires étrangères"], id="a partial quote belongs to the subject nearest it"),
    pytest.param("Le Quai d'Orsay, interrogé jeudi, « suit la situation avec la plus grande attention et reste en "
                 "contact avec les autorités ».", "fr", ["Le Quai d'Orsay"], id="a participle is no subject"),
    pytest.param("« Le risque est élevé », a dit la docteure Awa Diallo.\n\n"
                 "Le ministre congolais de la Santé publique, Albert Lukusa, s'est voulu rassurant. "
                 "« Nos équipes sont sur place », a-t-il déclaré.", "fr", ["Awa Diallo", "Albert Lukusa"],
                 id="gender comes from the role article"),
    pytest.param("Le capitaine de vaisseau Erwan Le Goff accueille les visiteurs. Gwen Tanguy, dont le mari est "
                 "capitaine de frégate, applaudit. « Quelle fierté pour Brest et pour nos familles », dit-elle.\n\n"
                 "« Nous respectons le droit de la mer en toutes circonstances », a répondu le capitaine.", "fr",
                 ["Gwen Tanguy", "Erwan Le Goff"], id="a whose-clause gives another person's role"),
    pytest.param("Beat Keller, the head of the agency, spoke first. \"This is a partnership,\" he said.\n\n"
                 "France's ambassador to Switzerland, Sophie Laurent, welcomed the deal. \"France is delighted "
                 "to share its know-how,\" she said.", "en", ["Beat Keller", "Sophie Laurent"],
                 id="gender reads whole words"),
    pytest.param("Mara Ionescu, an analyst at the Bucharest think tank Civic Policy Forum, doubted the plan. "
                 "\"The legal basis is thin, and the courts will say so before the summer,\" she said.\n\n"
                 "Texas Democratic Party Chairman Luis Ortega called the ruling \"a win for every voter.\"", "en",
                 ["Mara Ionescu", "Luis Ortega"], id="organisation names are not people"),
    pytest.param("Talks in Erbil\n\nMarco Bianchi, an envoy of the Italian government, met the parties. Dilshad "
                 "Barzani, a spokesman for the regional government, spoke to us by phone from Erbil:\n\n"
                 "\"We have asked Washington to keep its advisers here until the elections.\"\n", "en",
                 ["Dilshad Barzani"], id="a paragraph ending on a colon introduces the next quote"),
    pytest.param("L'agence onusienne s'inquiète. Le ministre Karim Haddad a parlé le premier.\n\n« Les départs "
                 "augmentent chaque semaine », alerte Amina Diallo, cheffe de mission de l'agence. « Nous "
                 "n'avons rien signé », a fait savoir la Commission électorale. « C'est un succès », "
                 "s'est félicité le ministre, Paul Girard. « Rien ne change », mais le ministère a ignoré "
                 "la question.", "fr",
                 ["Amina Diallo", "la Commission électorale", "Paul Girard"],
                 id="any verb between the comma after a quote and a name"),
    pytest.param("Les travaux reprennent à Bagdad.\n\n« Le chantier avance », a confirmé à la presse Rachel Ostrander, "
                 "porte-parole de l'ambassade.", "fr", ["Rachel Ostrander"],
                 id="a complement between the verb and the name"),
    pytest.param("La ministre Rūta Kalnė a réuni les douaniers.\n\nL'Otan, elle, a assuré « suivre la situation "
                 "heure par heure ». Le Canada a, lui aussi, promis « une aide rapide et concrète ».", "fr",
                 ["L'Otan", "Canada"], id="a stressed pronoun repeats the subject"),
    pytest.param("Moscow was dismissive. Minsk, for its part, rejected what its foreign ministry called Washington's "
                 "\"interference in our affairs.\" Gas flows through the pipeline, which Romanian operator Transgaz "
                 "says is running at \"full capacity since Monday.\"", "en",
                 ["its foreign ministry", "Romanian operator Transgaz"], id="what X called, which X says"),
    pytest.param("Trade Minister Tran Van Hung signed the deal. To reassure Washington, Hung's ministry said that it "
                 "\"will not allow transshipment of any kind.\"\n\nIraqi commanders say they are ready. \"We can hold "
                 "the line,\" military spokesman Maj. Gen. Saad al-Amiri said.", "en",
                 ["Hung's ministry", "Saad al-Amiri"], id="a person's ministry, a purpose clause, ranks"),
    pytest.param("Britain expelled two diplomats. A Downing Street spokesperson called it \"a measured step.\"\n\n"
                 "Russia's embassy in London dismissed the measures. \"This is theatre for a domestic audience,\" it "
                 "said on Telegram. Ankara, in turn, welcomed what it called \"a sober and necessary decision.\"",
                 "en", ["A Downing Street spokesperson", "Russia's embassy in London", "Ankara"],
                 id="'it' is the body the sentence before is about"),
    pytest.param("Warsaw wants a share of the work. \"We need the factories here,\" said Ewa Nowak, a deputy minister."
                 "\n\nSome in industry doubt the plan. Marek Zielinski, head of the arms makers' union, acknowledged "
                 "the issue.\n\n\"Both sides want it to succeed, and I am confident it will.\"\n\nFour Canadair "
                 "CL-415s flew in from Rome.\n\n\"The wind is not giving us a break tonight or tomorrow.\"", "en",
                 ["Ewa Nowak", "Marek Zielinski", "Marek Zielinski"],
                 id="a quote opening a paragraph: whom the paragraph before ends on"),
    pytest.param("Tokyo protested on Monday. \"We will not accept this,\" said Chief Cabinet Secretary Yuji Takamatsu. "
                 "Abdel Osman, 29, fled El Fasher in Sudan's Darfur region. \"I escaped the war and the desert,\" he "
                 "said.", "en", ["Yuji Takamatsu", "Abdel Osman"],
                 id="a town is a surname too, no name starts with 's"),
    pytest.param("Le navire reste à quai.\n\nInterrogé sur son sort, le Quai d'Orsay se borne à indiquer qu'il « suit "
                 "la situation avec attention ».", "fr", ["le Quai d'Orsay"],
                 id="a participle chunk is no subject; 'se borne à' is no part of it"),
    pytest.param("Following a swiftly called, late-afternoon meeting, the Security Council issued a statement calling "
                 "for \"an immediate halt to all tests and launches.\"", "en", ["the Security Council"],
                 id="a leading circumstance is no subject"),
    pytest.param("L'Élysée a salué l'effort.\n\nVenu présenter le plan «Bouclier», le ministre de la Défense, Antoine "
                 "Haddad, a voulu rassurer. «L'armée a achevé la première phase au sud du fleuve.» Avant d'ajouter, "
                 "plus sombre : «Sans équipements ni salaires décents, aucun plan ne tiendra.»", "fr",
                 ["Antoine Haddad", "Antoine Haddad"], id="a quoted name in the sentence before; 'Avant d'ajouter'"),
    pytest.param("The bank apologised. \"We are deeply sorry,\" Wells Fargo CEO John Stumpf told the panel. \"Are you "
                 "resigning?\" CNN's Wolf Blitzer asked him later.", "en", ["John Stumpf", "Wolf Blitzer"],
                 id="a name after a body in one capitalised run"),
    pytest.param("Officials in Dakar met on Monday. \"We need more boats,\" said Abdou Karim Sall, a regional "
                 "director.\n\nMoussa, 16, from Kayes in western Mali, arrived on El Hierro in September. \"I want to "
                 "go to school and become an electrician,\" he said.", "en", ["Abdou Karim Sall", "Moussa"],
                 id="a first name with an age is a person"),
    pytest.param("Latvia's Interior Minister Edgars Liepa on Thursday urged Belarus to talk. Saudi Arabia's King "
                 "Salman Humanitarian Aid and Relief Centre sent tents.\n\nLiepa said Latvia would keep its options "
                 "open. \"If the pressure rises again, we will close the last crossing,\" he said.", "en",
                 ["Edgars Liepa"],
                 id="a country's minister after 's; an aid centre is no one"),
    pytest.param("Fact-checkers are under fire. PolitiFact Executive Director Aaron Sharockman defended the method on "
                 "Monday.\n\nPolitiFact said the claim was \"entirely true and verified by three sources.\"", "en",
                 ["PolitiFact"], id="a family name first only in a two-word name"),
    pytest.param("Pavel Orlov, general director of Arktika Shipping, a Murmansk firm, was blunter. \"Our ships obey "
                 "Russian law,\" he said.\nAt the centre run by the Norwegian Coastal Administration, watch leader "
                 "Kari Holm said little. \"We see them on radar,\" she said.\nHolm dismissed a claim, raised by two "
                 "Southeast Asian delegates, that the lists were political. \"That reading is wrong,\" she said.",
                 "en", ["Pavel Orlov", "Kari Holm", "Kari Holm"],
                 id="a body after 'director of' and regional or administrative words are no one"),
    pytest.param("La pharmacienne Maarja Kask a vu défiler des clients. « Rien ne marchait », dit-elle.\n"
                 "L'attaque a visé un sous-traitant, et porte, selon le ministère de la Justice et des Affaires "
                 "numériques, « la signature d'un groupe connu ».", "fr",
                 ["Maarja Kask", "le ministère de la Justice et des Affaires numériques"],
                 id="a ministry with a long portfolio after 'selon'"),
    pytest.param("Oslo a répondu. « C'est un peu fort », a réagi dans la foulée le président de l'organisation "
                 "professionnelle Fiskebåt Nord, Audun Myre. « Nous resterons fermes », a réagi mardi le président "
                 "du syndicat, Per Lunde.", "fr", ["Audun Myre", "Per Lunde"],
                 id="an adverbial after an inverted verb; a body after an organisation noun is no one"),
    pytest.param("In the hills above Santa Cruz, Delroy Brown, who has farmed there for decades, showed the ruins "
                 "and did not hide his anger: \"The river took everything.\"",
                 "en", ["Delroy Brown"], id="a run of names opening with Santa or San is a place"),
    pytest.param("Retired Lt. Gen. Mark Fenwick said the senator was “absolutely right” when he said that the army "
                 "had been cut too far. Florida Rep. Ann Lee, the top Democrat on the panel, called the vote "
                 "\"a disgrace to this House\".", "en", ["Mark Fenwick", "Ann Lee"],
                 id="an abbreviated title ends no name ('Retired Lt.', 'Florida Rep.')"),
    pytest.param("Delroy Mason, an opposition MP for St Elizabeth, said ministers had known for months. \"We warned "
                 "them in June that the wall would not hold and they sat on the report,\" he said.",
                 "en", ["Delroy Mason"], id="a run of names opening with St is a place, so 'he' is the MP"),
    pytest.param("Côté guinéen, le ministère de la Santé a annoncé la fermeture de deux marchés et plaidé pour une "
                 "« riposte coordonnée avec les pays voisins ».", "fr", ["le ministère de la Santé"],
                 id="'Côté guinéen,' opens a sentence as a circumstance"),
    pytest.param("Jabbar Hassan se plaint. « Rien ne change », dit-il.\nÀ Bagdad, la colère monte. « Ankara nous "
                 "promet un débit équitable », a lancé mardi devant le Parlement le ministre des Ressources "
                 "hydriques, Haidar al-Saadi, qui réclame un accord.", "fr", ["Jabbar Hassan", "Haidar al-Saadi"],
                 id="a circumstance between an inverted verb and its subject"),
    pytest.param("Jordi Casals, porte-parole du syndicat agricole, s'inquiète. « Nous perdons de l'argent », dit-il. "
                 "Bruxelles ne voit pas "
                 "d'urgence. Selon la porte-parole de la Commission chargée du commerce, Liesbeth Vos, « rien ne "
                 "justifie la clause ».", "fr", ["Jordi Casals", "Liesbeth Vos"],
                 id="'Selon' a role and the name in apposition"),
    pytest.param("The International Committee of the Red Cross warned of busy weeks ahead.\n\"This is the largest "
                 "operation of its kind that we have run in the country.\n\"We ask both parties for unhindered "
                 "access,\" said Corinne Bauer, who heads the ICRC delegation.", "en",
                 ["Corinne Bauer", "Corinne Bauer"],
                 id="a name after a later paragraph of a quote outranks the sentence before its first"),
    pytest.param("Beijing sent its special envoy, Lu Hai. \"Developed countries created this crisis,\" Lu told a "
                 "briefing in Beijing, accusing donors of \"recycling old aid.\"", "en", ["Lu Hai", "Lu Hai"],
                 id="a two-letter family name; the subject of the verb before a participle"),
    pytest.param("Tharshini Kanagaratnam, a lawmaker for the Illankai Tamil Arasu Kachchi, said the messages targeted "
                 "Tamil voters. \"Nobody sends messages like that to Kandy,\" she said.\nDewi Siregar heads the "
                 "observers. After a briefing with officials, Siregar said the pattern was familiar. \"The rumours "
                 "were rarely about candidates at all.\"\nNineteen Ukrainian children came home. The Russian Defence "
                 "Ministry, in its daily briefing, rejected Kyiv's account, saying the strike had destroyed \"a "
                 "storage site.\"", "en", ["Tharshini Kanagaratnam", "Dewi Siregar", "The Russian Defence Ministry"],
                 id="a body after 'the', a known surname, a demonym ending a run, a chunk opening with a verb"),
    pytest.param("Tokyo has raised the matter too. \"We ask Washington to explain how these thresholds were "
                 "calculated,\" Hiroshi Kanemaru, vice-minister for international affairs at Japan's Ministry of "
                 "Economy, Trade and Industry, told reporters on Monday.", "en", ["Hiroshi Kanemaru"],
                 id="a name, its long apposition, then the verb"),
    pytest.param("Halvard Saetre, a former Norwegian ambassador, sees a division of labour. \"Ankara moves the big "
                 "numbers,\" he said.\n\"The risk,\" the veteran diplomat added, \"is that the parties go shopping "
                 "between mediators.\"", "en", ["Halvard Saetre", "Halvard Saetre", "Halvard Saetre"],
                 id="an epithet refers back like a pronoun"),
    pytest.param("Joris Peeters, chercheur à l'Institut Egmont, suit le dossier. « La Chine va répliquer », "
                 "prévient-il.\nSelon lui, le Japon, dont les industriels fournissent aussi des usines chinoises, "
                 "« pourrait être le prochain ». Le secrétariat de l'ASEAN, lui, s'est contenté d'appeler "
                 "« toutes les parties à la retenue ».", "fr",
                 ["Joris Peeters", "Joris Peeters", "Le secrétariat de l'ASEAN"],
                 id="'Selon lui' names the man last named; ', lui,' repeats the subject"),
    pytest.param("Rosa Quispe, an activist, condemned the project. \"We are losing our water,\" she said.\n"
                 "The Chilean mining ministry responded late on Monday with a statement. \"The dialogue remains "
                 "open,\" the text said.", "en", ["Rosa Quispe", "The Chilean mining ministry"],
                 id="a document's issuer is the subject of the sentence that mentions it"),
    pytest.param("Ormuz : Mascate propose sa médiation\n\nMASCATE, 14 mars 2026 (AFP) - Le sultanat d'Oman s'est dit "
                 "prêt à accueillir des discussions « sans conditions préalables » entre Téhéran et l'armateur.",
                 "fr", ["Le sultanat d'Oman"], id="a wire dateline is not part of the subject"),
    pytest.param("Canaries\n\nSANTA CRUZ DE TENERIFE (Espagne), 14 janvier 2026 - Le gouvernement régional réclame "
                 "à Madrid une prise en charge « immédiate et complète » des mineurs arrivés seuls.", "fr",
                 ["Le gouvernement régional"], id="a dateline with the country in brackets"),
    pytest.param("WASHINGTON, Jan 21 — The State Department said on Monday that the talks were \"going nowhere "
                 "fast\".", "en", ["The State Department"], id="'the State Department' is no titled surname"),
    pytest.param("The contract, signed in Santiago on Thursday, was described by Codelco's chief executive, Paula "
                 "Ossandón, as \"a commercial decision\". The plan was called \"a betrayal\" by the opposition "
                 "leader, Maria Lenz.", "en", ["Paula Ossandón", "Maria Lenz"], id="a passive names its agent"),
    pytest.param("Le projet a été qualifié de « trahison » par le chef de l'opposition, Pedro Ruiz.", "fr",
                 ["Pedro Ruiz"], id="'qualifié de «…» par X'"),
    pytest.param("Henrik Aalto, the Finnish diplomat who heads the UN Regional Centre for Preventive Diplomacy, "
                 "chaired the talks.\n\"We now have a text,\" the veteran diplomat told us. \"It holds,\" said "
                 "Anders Holm, a Social Democrat on the defence committee. In a statement, Jamaica's Office of "
                 "Disaster Preparedness and Emergency Management said \"roads are open\".", "en",
                 ["Henrik Aalto", "Anders Holm", "Jamaica's Office of Disaster Preparedness and Emergency Management"],
                 id="a body's name after 'Centre for' and a party member are no person"),
    pytest.param("À Pékin, la diplomatie chinoise a salué mercredi, par la voix de sa porte-parole Tang Yiwen, "
                 "« un partenariat gagnant-gagnant fondé sur le respect mutuel ». « Si l'Europe vient enfin nous "
                 "aider, tant mieux », a réagi par téléphone Stavros Lazaridis, maire de Péonie.", "fr",
                 ["Tang Yiwen", "Stavros Lazaridis"],
                 id="'par la voix de X'; a manner between the verb and its subject"),
    pytest.param("« Ce barrage n'est dirigé contre personne », a assuré mardi devant le Jogorku Kenech le ministre "
                 "kirghiz de l'énergie, Almazbek Toktorov. « Ce pétrolier a ignoré trois sommations de nos unités », a "
                 "déclaré vendredi soir à la télévision d'État Mehdi Rostami, porte-parole de l'autorité judiciaire.",
                 "fr", ["Almazbek Toktorov", "Mehdi Rostami"],
                 id="circumstances between an inverted verb and its subject"),
    pytest.param("Claire Vasseur, directrice des opérations de SOS Méditerranée, ne décolère pas. « C'est une "
                 "punition déguisée », dit-elle.\nAu palais Chigi, le sous-secrétaire à la présidence du Conseil, "
                 "Giacomo Ferrandi, assume. Il dénonce « un business des passeurs auquel certains prêtent la main ».",
                 "fr", ["Claire Vasseur", "Giacomo Ferrandi"],
                 id="gender from a prefixed role ('le sous-secrétaire à la présidence') and from the apposition"),
    pytest.param("Le ministre français de l'Intérieur, Laurent Faure, a reçu la ministre britannique de l'Intérieur, "
                 "Helen Marwood. « Nous ne demandons pas à la France de faire notre travail, a insisté la ministre, "
                 "nous le faisons ensemble. »", "fr", ["Helen Marwood", "Helen Marwood"],
                 id="'la ministre' is not the minister named last when he is a man"),
    pytest.param("« Nous avons recueilli cinquante témoignages », affirme Rim Mejri, porte-parole du FTDES.\n"
                 "« Tout s'est déroulé dans le calme », rétorque le porte-parole de la Garde nationale.", "fr",
                 ["Rim Mejri", "le porte-parole de la Garde nationale"],
                 id="a role of a named body refers back only to someone of that body"),
    pytest.param("Bishkek wants more coal. Kazakhstan's Energy Ministry, which supplies coal under last year's "
                 "\u201cwater-for-coal\u201d arrangement, said in a statement that it would keep \u201cmeeting its "
                 "commitments to Kyrgyz partners until March\u201d.", "en", ["Kazakhstan's Energy Ministry"],
                 id="a quoted title inside the subject does not cut the sentence"),
    pytest.param("Frontex, the EU's border agency, said its aircraft had detected \"a sharp rise in departures from "
                 "the Tobruk area\" since January.", "en", ["Frontex"], id="a body's name, then what it is"),
    pytest.param("« Nous tiendrons compte des pays en aval », a déclaré le porte-parole chinois, Lu Wenhao.\n\nLe "
                 "diplomate a toutefois jugé « infondées et malveillantes » les accusations de Hanoï.", "fr",
                 ["Lu Wenhao", "Lu Wenhao"], id="an adverb after the auxiliary is not part of the subject"),
    pytest.param("Lawmakers bristled.\n\u201cThis is a disgrace to the institution of the presidency,\u201d said Rep. "
                 "G.K. Butterfield (D-N.C.), head of the caucus. \u201cWe will keep asking,\u201d said J.D. Vance, a "
                 "senator. Although E.U. leaders met, \u201cnothing was decided about the fund,\u201d Vance said.",
                 "en",
                 ["G.K. Butterfield", "J.D. Vance", "J.D. Vance"], id="initials open a name ('G.K. Butterfield')"),
    pytest.param("According to the agency's director, Maria Lopez, the figures are \"wrong and late\".", "en",
                 ["Maria Lopez"], id="'according to' a role, then the name in apposition"),
    pytest.param("Ioana Radu, a partner at the Bucharest consultancy Danubia Watt Advisory, expects a reaction. "
                 "\"Moscow will read this as a provocation,\" she said.", "en", ["Ioana Radu"],
                 id="a name right after a body's noun is the body's, no person a pronoun can be"),
    pytest.param("Peru's foreign ministry said it \"firmly rejects\" the ruling and called the claims \"baseless and "
                 "dangerous.\"", "en", ["Peru's foreign ministry", "Peru's foreign ministry"],
                 id="a verb coordinated with the last quote's shares its subject"),
    pytest.param("La Slovaquie a défendu mercredi ses tarifs, au lendemain d'une plainte déposée par Vienne, qui juge "
                 "la mesure « discriminatoire et injustifiée ».", "fr", ["Vienne"],
                 id="'qui' takes up the end of a circumstance: its antecedent speaks"),
    pytest.param("Dale Pike, chief executive of Perth-based lithium refiner Swan Hydroxide, was blunt. \"Prices have "
                 "been on the floor for two years,\" he said.", "en", ["Dale Pike"],
                 id="a refiner's name is no person a pronoun can be"),
    pytest.param("Chips run short in Kumamoto\n\nJapan's buyers worry. Ken Arakawa runs procurement at Hoshino Power "
                 "Modules, which buys its wafers in Jiangsu. \"We have four months of stock,\" he said.", "en",
                 ["Ken Arakawa"], id="the name after 'at' is where one works, no person a pronoun can be"),
    pytest.param("SeaWatch Iberia, a Spanish NGO that counts deaths at sea, says official figures are \"incomplete\" "
                 "and \"late by months.\"", "en", ["SeaWatch Iberia", "SeaWatch Iberia"],
                 id="a name the lexicons do not know, then what it is"),
    pytest.param("Greece's defence ministry, at its weekly briefing in Athens, said the ships were \"on a routine "
                 "patrol in our waters.\"", "en", ["Greece's defence ministry"],
                 id="a circumstance between the subject and its verb is no subject"),
])
def test_speakers(text, lang, speakers):
    assert [r["speaker"] for r in extract_quotes(text, lang)] == speakers


def test_the_parsed_subject_leaves_out_a_participle_before_it():
    # a quote after a colon takes the subject spaCy finds; its subtree starts at "Interrogé"
    text = ("Le Sénégal a reporté le scrutin.\n\nInterrogé sur la décision sénégalaise lors du point de presse, "
            "le porte-parole adjoint du Quai d'Orsay, Bertrand Lefeuvre, s'en est tenu à une formule "
            "diplomatique : « La France n'a pas vocation à commenter le calendrier d'un pays souverain. »")
    rows = extract_articles([("f04", text)])
    assert [(r["speaker"], r["country"]) for r in rows] == [("Bertrand Lefeuvre", "FR")]


def test_a_parsed_subject_must_name_a_speaker():
    # spaCy's subject here is "le problème": no name, no role, no body, so the apposition before it speaks
    text = ("Le Premier ministre s'est exprimé.\nPour la coordinatrice résidente de l'ONU en Irak, Elena "
            "Marchetti, le problème dépasse les frontières : « Aucun pays du bassin ne réglera seul cette crise. »")
    assert [(r["speaker"], r["country"]) for r in extract_articles([("r02", text)])] == [("Elena Marchetti", "UN")]


def test_a_circumstance_is_not_the_speaker():
    text = ("Dans une note diplomatique publiée le soir même, le ministère brésilien des Affaires étrangères "
            "« regrette profondément une décision prise sans consultation préalable des partenaires ».")
    rows = extract_quotes(text, "fr")
    assert [(r["speaker"], r["country"]) for r in rows] == [
        ("le ministère brésilien des Affaires étrangères", "BR")]


def test_arabic_particles_start_surnames():
    text = ("« Le déficit pourrait atteindre 9 000 mégawatts cet été », a averti Sinan al-Jaburi, porte-parole du "
            "ministère irakien de l'Électricité.\n\nSelon M. al-Jaburi, « aucune solution n'est en vue ».")
    rows = extract_quotes(text, "fr")
    assert [(r["speaker"], r["country"]) for r in rows] == [("Sinan al-Jaburi", "IQ")] * 2


def test_places_are_not_part_of_names():
    fr = ("« La situation est grave », a déclaré mardi à Genève Ingrid Sollberg, porte-parole de l'ONU.")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(fr, "fr")] == [("Ingrid Sollberg", "UN")]
    en = ("Hassan Eltayeb, Sudan's envoy, spoke in Port Sudan on Monday. He said his government needed more "
          "than verbal assurances: \"We want binding guarantees on the dam.\"")
    assert [r["speaker"] for r in extract_quotes(en, "en")] == ["Hassan Eltayeb"]


def test_every_state_has_french_and_english_demonyms():
    from quotestance.lexicon import csv_rows

    langs: dict[str, set[str]] = {}
    for row in csv_rows("demonyms.csv"):
        langs.setdefault(row["country"], set()).add(row["lang"])
    # "congolais"/"Congolese" are the DR Congo's; "Dominican" is the Dominican Republic's
    # and English has no demonym for the Holy See
    shared = {"CG": set(), "DM": {"fr"}, "VA": {"fr"}}
    missing = {row["code"]: langs.get(row["code"], set()) for row in csv_rows("countries.csv")
               if row["kind"] == "state" and langs.get(row["code"], set()) != shared.get(row["code"], {"en", "fr"})}
    assert missing == {}


def test_ambiguous_place_names_are_not_looked_for():
    from quotestance.article.countries import countries_in

    assert countries_in("Jordan Whitaker met Victoria Lima and Chad Moroni at Jordan's Bar") == []
    # a possessive before a lower-case word leaves no doubt
    assert [m.code for m in countries_in("Jordan's energy minister met Chad's president")] == ["JO", "TD"]
    assert [m.code for m in countries_in("the Jordanian minister flew to N'Djamena, in Tchad")] == ["JO", "TD", "TD"]


def test_regions_that_hold_a_state_name_no_state():
    """ "Latin America" holds "America", "sud-américain" holds "américain": neither is the United States."""
    from quotestance.article.countries import countries_in

    assert countries_in("Latin American and Central American leaders met; les dirigeants sud-américains aussi") == []
    assert [m.code for m in countries_in("the American ambassador and the North American market")] == ["US"]


def test_honorific_subject_outranks_an_earlier_name():
    text = ("Le ministre russe Oleg Varnikov était présent.\n\n"
            "Après la réunion avec Oleksandr Hnatiuk, M. Varnikov a déclaré: « Ces accusations sont ridicules. »")
    assert [r["speaker"] for r in extract_quotes(text, "fr")] == ["Oleg Varnikov"]
    colon = ("La ministre Hélène Dufresnoy était à Paris. La porte-parole Yulia Bazhenova a dénoncé "
             "« un axe hostile ».\n\nMme Dufresnoy a rejeté l'accusation : « Notre dissuasion est défensive. »")
    assert [r["speaker"] for r in extract_quotes(colon, "fr")] == ["Yulia Bazhenova", "Hélène Dufresnoy"]


ARTICLE_EN = (
    "Senate fight over the bill\n\n"
    "Senator Jeff Merkley questioned the bank's chief. \"You have not accepted responsibility\" Merkley said.\n\n"
    "\"We have the votes,\" Senate Majority Leader Mitch McConnell, R-Ky., said Tuesday.\n\n"
    "Twelve people were hurt by an explosion that Mayor Bill de Blasio described as \"an act of terror.\"\n\n"
    "In July, Gingrich cynically dismissed the alliance as \"a relic of another century.\"\n\n"
    "\"The panel was split,\" said one Democratic source on the panel.\n\n"
    "Governor Ann Lowry spoke to reporters. She said:\n\n\"We are ready for the storm.\"\n"
)


def test_titles_initials_and_unnamed_phrases():
    text = ("Budget talks\n\n"
            "In a White House statement, President Harlan condemned the vote as \"a reckless gamble.\"\n\n"
            "\"We will not back down,\" Rep. Elijah E. Moreau (D-Md.) said in a phone interview.\n\n"
            "Senator Ruth Calloway spoke to her aides. To which she said, \"Not today.\"\n\n"
            "A few days ago in an interview with the network he said the media were \"dishonest and lazy.\"")
    rows = extract_quotes(text, "en")
    assert [r["speaker"] for r in rows[:3]] == ["Harlan", "Elijah E. Moreau", "Ruth Calloway"]
    assert not (rows[3]["speaker"] or "").startswith("A few days")     # a time, not an unnamed person


def test_the_sentence_before_a_bare_quote_names_its_speaker():
    text = ("Border crossings\n\nBorder guard chief Päivi Lehto spoke on Monday. Officials in Helsinki and Tallinn "
            "met Olli Rinne. Lehto insisted the decision was not aimed at ordinary Russians. \"We have not closed "
            "the border out of hostility.\"\n\nRussia's embassy in London dismissed the measures. \"They will "
            "only damage trade.\"")
    rows = extract_quotes(text, "en")
    assert [(r["speaker"], r["country"]) for r in rows] == [("Päivi Lehto", "FI"),
                                                            ("Russia's embassy in London", "RU")]


def test_institution_pronouns_and_colon_subjects():
    text = ("Aid row\n\nThe European Commission approved the plan last year. In a statement on Tuesday it "
            "reiterated that the aid \"remains fully compatible with the single-market rules.\"\n\n"
            "The U.S. State Department limited itself to one line: \"We are following the talks closely.\"")
    rows = extract_quotes(text, "en")
    assert [(r["speaker"], r["country"]) for r in rows] == [("European Commission", "EU"),
                                                            ("The U.S. State Department", "US")]


def test_rows_say_where_the_speaker_was_introduced_and_whether_the_country_was_guessed():
    text = ("Border talks\n\nFinnish Foreign Minister Päivi Lehto said on Monday that \"the talks will go on.\"\n\n"
            "Finland closed the last crossings in March. A senior border guard, Jukka Rinne, said: \"We are ready "
            "to reopen two of them.\"")
    rows = extract_quotes(text, "en")
    assert [(r["speaker"], r["country"], r["country_guessed"]) for r in rows] == [
        ("Päivi Lehto", "FI", False), ("Jukka Rinne", "FI", True)]
    # where the article names each speaker first (the probe reads the sentence around it)
    assert [text.index(name) for name in ("Päivi Lehto", "Jukka Rinne")] == [r["speaker_at"] for r in rows]


def test_a_french_demonstrative_refers_back_and_the_auxiliary_a_opens_no_speaker():
    """"Cette juriste, …, a exhorté Vienne à «…»": the one named before, not Vienna (French "a" is no article)."""
    text = ("Le barrage de la discorde\n\nLa ministre slovaque de l'Environnement, Zuzana Hrdá, a reçu les élus.\n"
            "Cette juriste de formation, nommée en mars, a exhorté Vienne à «\u00a0rouvrir les discussions sans "
            "délai\u00a0».\n")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "fr")] == [("Zuzana Hrdá", "SK")]


def test_english_attribution_cues():
    speakers = [(r["speaker"], r["speaker_mention"]) for r in extract_quotes(ARTICLE_EN, "en")]
    assert [name for name, _ in speakers] == [
        "Jeff Merkley", "Mitch McConnell", "Bill de Blasio", "Gingrich",
        "one Democratic source on the panel", "Ann Lowry"]
    assert speakers[-1][1] == "She"


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("«»“”\"„ \u00a0\u202f\n,.:ab Il a dit-t-elle")) | st.characters(),
               max_size=400))
def test_any_text_gives_valid_offsets(text):
    for row in extract_quotes(text):
        assert 0 <= row["start"] < row["end"] <= len(text)
        assert text[row["start"]:row["end"]] == row["quote"]


def test_empty_and_mark_only_inputs():
    assert extract_quotes("") == []
    assert extract_quotes("«««»»»“”\"\"\n\n«") == [] or all(r["quote"] for r in extract_quotes("«««»»»“”\"\"\n\n«"))


def test_a_sentence_opening_on_it_does_not_loop():
    text = ("The embassy in Ottawa rejected what it called \"smears\" in a statement. It went on to accuse "
            "unnamed rivals of \"stirring trouble,\" it said.")
    assert {r["speaker"] for r in extract_quotes(text, "en")} == {"The embassy in Ottawa"}


def test_one_megabyte_article_is_handled():
    paragraph = ("Le ministre a déclaré : « Nous restons ouverts au dialogue. » "
                 "Un « mot » isolé et un guillemet ouvrant « sans fin.\n\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    rows = extract_quotes(text, "fr")
    assert len(rows) >= 1000
    assert all(text[r["start"]:r["end"]] == r["quote"] for r in rows[:50])


@pytest.mark.parametrize("text, lang, speaker", [
    ("L'ambassade de Chine à Oslo a rejeté par avance «toute tentative de politiser ce dossier», "
     "une démarche jugée maladroite.", "fr", "L'ambassade de Chine à Oslo"),
    ("«Nous ne céderons pas», a fait savoir le ministère marocain des Affaires étrangères, selon lequel "
     "«le dialogue reste ouvert».", "fr", "le ministère marocain des Affaires étrangères"),
    ("Le Quai d'Orsay se contente de conseiller aux voyageurs de «vérifier l'état de leur vol auprès de la "
     "compagnie avant tout départ».", "fr", "Le Quai d'Orsay"),
    ("Ghana's ministry of fisheries took a harder line, saying it had \"suspended three licences\" at once.",
     "en", "Ghana's ministry of fisheries"),
    # the sentence read up to the mark ends on the auxiliary or the reflexive pronoun
    ("Jeudi soir, la diplomatie moldave a «\u00a0regretté une décision prise sans la moindre consultation des "
     "pays voisins\u00a0».", "fr", "la diplomatie moldave"),
    ("Dans un communiqué publié lundi, le ministère de la Santé se dit «\u00a0prêt à envoyer des équipes "
     "mobiles dans toutes les régions touchées par l'épidémie\u00a0».", "fr", "le ministère de la Santé"),
])
def test_speaker_name_leaves_the_verb_of_its_sentence(text, lang, speaker):
    """The speaker field names the body, not the words of the sentence it was read from."""
    assert {r["speaker"] for r in extract_quotes(text, lang)} == {speaker}


def test_a_place_before_a_name_says_nothing_of_gender():
    """ "Dans un café du vieux Mostar, Ivana Perić": "un" is the café's, so "-t-elle" can be her."""
    text = ("«Nous restons mobilisés jour et nuit pour les familles», a déclaré Amra Kovač, porte-parole du "
            "ministère.\n\nDans un café du vieux Mostar, Ivana Perić, enseignante de 34 ans, hausse les épaules. "
            "«On nous promet l'Europe depuis vingt ans et rien ne change pour nos élèves», soupire-t-elle.\n")
    assert [r["speaker"] for r in extract_quotes(text, "fr")] == ["Amra Kovač", "Ivana Perić"]


@pytest.mark.parametrize("text, lang", [
    ("Food, at least, is moving. “Every shelter on the list now gets its rations on time,” said Marit Olsen, "
     "the Danish engineer who runs the agency’s depot in Cap-Haïtien, “but the cash that lets families shop "
     "locally is only a third funded.”", "en"),
    ("Les vivres, au moins, circulent. «Chaque abri de la liste reçoit désormais ses rations à temps», explique "
     "Marit Olsen, l'ingénieure danoise qui dirige le dépôt de l'agence au Cap-Haïtien, «mais l'argent qui permet "
     "aux familles d'acheter sur place n'est financé qu'au tiers».", "fr"),
])
def test_both_parts_of_a_split_quote_take_the_name_after_the_verb(text, lang):
    """ "“…,” said X, the Danish engineer who…, “but…”": the second part is X's too, not "the engineer"'s."""
    assert [r["speaker"] for r in extract_quotes(text, lang)] == ["Marit Olsen", "Marit Olsen"]


def test_according_to_after_a_conjunction():
    text = ('"We need the vaccines now," its director said, and according to Africa CDC, sequencing results are '
            'expected "within ten days, if the samples arrive on time."')
    assert [r["speaker"] for r in extract_quotes(text, "en")][-1] == "Africa CDC"


def test_a_dossier_title_is_no_statement_and_does_not_cut_the_sentence():
    text = ('Rhiannon Price, an analyst at the Institute for Security in London and co-author of its recent dossier '
            '"Iran at the Brink", said both governments had "boxed themselves in with public red lines".')
    rows = extract_quotes(text, "en")
    assert [(r["quote"], r["speaker"]) for r in rows] == [("boxed themselves in with public red lines",
                                                          "Rhiannon Price")]


def test_an_unnamed_manager_is_a_speaker_of_their_own():
    text = ("Tomás Rivera, the trade minister, defended the list on Monday.\n\n“We found out we were on the list "
            "from our own customers,” said a senior manager at a Japanese parts maker, who asked not to be named.")
    row = extract_quotes(text, "en")[-1]
    assert (row["speaker"], row["country"]) == ("a senior manager", "JP")


def test_his_ministry_is_a_body_not_the_minister():
    text = ('The foreign minister, Karim Haddad, defended the choice on television. "Our elections belong to '
            'Tunisians and to nobody else," he said. His ministry followed up with a communique stating that '
            'Tunisia "rejects any attempt to use observers as an instrument of pressure".')
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "en")] == [
        ("Karim Haddad", "TN"), ("His ministry", "TN")]


def test_an_article_inside_a_complement_says_nothing_of_gender():
    """ "…, paix et sécurité de la CEDEAO, Kwame Boateng-Asare": "la" is the CEDEAO's, so "-t-il" is him."""
    text = ("«Le scrutin aura lieu en mars, comme prévu par la loi», a indiqué la Direction générale des élections."
            "\n\nInvité d'honneur, le commissaire ghanéen aux Affaires politiques, paix et sécurité de la CEDEAO, "
            "Kwame Boateng-Asare, a multiplié les amabilités. «Le Sénégal reste une référence démocratique, et la "
            "CEDEAO l'accompagnera dans cet exercice», a-t-il assuré.\n")
    assert extract_quotes(text, "fr")[-1]["speaker"] == "Kwame Boateng-Asare"


def test_a_letter_in_the_apposition_does_not_speak():
    text = ("L'Iran se montre moins conciliant. «Nos provinces de l'Ouest manquent d'eau potable. Personne ne peut "
            "nous demander de sacrifier nos agriculteurs», a affirmé à la télévision d'État le vice-ministre iranien "
            "de l'Énergie, Reza Karimi, en réponse à une lettre adressée par Bagdad à Téhéran.\n")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "fr")] == [("Reza Karimi", "IR")]


def test_a_french_chunk_ends_at_its_own_auxiliary():
    """ "Le bureau du Premier ministre a rejeté ces constats, évoquant «…»": the office, not the minister."""
    text = ("Le Premier ministre géorgien Levan Abashidze a reçu les observateurs lundi. Le bureau du Premier "
            "ministre a rejeté en bloc ces constats, évoquant des «manipulations grossières destinées à alimenter "
            "la contestation».\n\nOutre-Atlantique, la réaction a été minimale : le département d'État américain "
            "«suit la situation de près et appelle au calme».\n")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "fr")] == [
        ("Le bureau du Premier ministre", "GE"), ("le département d'État américain", "US")]


def test_an_incise_with_a_circumstance_after_its_verb():
    """«A, explique, joint par notre rédaction, le représentant…, X. B»: the incise is X's, and cuts A from B."""
    text = ("Les agences des Nations unies marchent sur des œufs. «Nous respectons le droit d'un État à contrôler ses "
            "frontières, explique, joint par notre rédaction, le représentant du HCR en République dominicaine, "
            "Matías Ortega. Mais les expulsions doivent rester dignes.»")
    rows = extract_quotes(text, "fr")
    assert [(r["quote"][:20], r["speaker"]) for r in rows] == [("Nous respectons le d", "Matías Ortega"),
                                                               ("Mais les expulsions ", "Matías Ortega")]


@pytest.mark.parametrize("text, lang, country", [
    ("L'OMS a dépêché une équipe à Goma. «Nous avons besoin de vaccins dans les dix jours», a expliqué la docteure "
     "Awa Koné, qui coordonne la réponse de l'agence onusienne.", "fr", "WHO"),
    ("UNHCR, the UN refugee agency, has a tent at the pier. \"We need more space before the winter comes,\" said "
     "Karin Lund, the UN refugee agency's representative.", "en", "UN"),
])
def test_the_un_agency_is_the_one_named_last(text, lang, country):
    """ "l'agence onusienne" after "l'OMS" is the WHO (a code of its own); after UNHCR, the UN."""
    assert extract_quotes(text, lang)[-1]["country"] == country


@pytest.mark.parametrize("text, country", [
    ("À Dakar, le gouvernement sénégalais a salué l'accord conclu avec Berne. «Les données montrent une hausse "
     "nette des surfaces boisées depuis dix ans», indique l'Office fédéral des forêts, qui finance le projet au "
     "Sénégal.", "CH"),
    ("La Commission européenne a promis une aide d'urgence au Chili. L'Union européenne enverra des avions. «Nous "
     "avons évacué quatre mille personnes cette nuit», a détaillé le directeur du Service national de secours, "
     "Álvaro Pérez.", "CL"),
])
def test_a_federal_or_national_body_belongs_to_a_state(text, country):
    """A federal office is a federal state's (Switzerland, not Senegal); a national service a state's, not the EU's."""
    assert extract_quotes(text, "fr")[-1]["country"] == country


def test_a_body_named_before_owns_the_role_in_an_apposition():
    """ "X, the Treasury's assistant secretary": the Treasury the article named first, with its country."""
    text = ("The Treasury Department said the measures target Iran's oil trade.\n\n\"Anyone who still trades in this "
            "oil should expect to be next,\" Dana Whitfield, the Treasury's assistant secretary for sanctions, told "
            "reporters in Tehran's absence, as Iran and Russia protested.")
    assert extract_quotes(text, "en")[-1]["country"] == "US"


def test_a_place_opening_the_sentence_places_a_body():
    text = ("Le ministère indien des Affaires étrangères a publié mardi ses relevés de crue.\n\nÀ Islamabad, le "
            "ministère des Affaires étrangères a dénoncé dans un communiqué une « instrumentalisation de l'eau par "
            "New Delhi ».")
    assert extract_quotes(text, "fr")[-1]["country"] == "PK"


def test_a_body_named_in_the_apposition_beats_an_owner_noun_before_it():
    """ "responsable de programme au Réseau national…": "programme" is a job, the body is named right after."""
    text = ("L'ONU a salué les progrès de la police haïtienne. «Le gouvernement annonce des victoires, mais il n'a "
            "aucun plan pour les déplacés», dénonce Jean-Marc Pierre, responsable de programme au Réseau national de "
            "défense des droits humains (RNDDH).")
    assert extract_quotes(text, "fr")[-1]["country"] == "HT"


def test_a_city_demonym_gives_the_country():
    text = ("Rome maintient le port de débarquement. «On épuise les équipages et les rescapés, c'est voulu», "
            "lance Claire Roux, une Lyonnaise de 40 ans qui coordonne les secours à Lampedusa pour l'Italie.")
    assert extract_quotes(text, "fr")[-1]["country"] == "FR"


def test_a_chunk_ending_on_and_is_no_subject():
    text = ('In a statement, the Ministry of Digital Affairs said it had passed "indicators of compromise" to '
            'European counterparts last year and welcomed "closer work among democracies" on supply chains.')
    assert {r["speaker"] for r in extract_quotes(text, "en")} == {"the Ministry of Digital Affairs"}


def test_it_refers_to_a_body_the_lexicons_do_not_know():
    text = ("\"If donors want fewer families on the road, fund jobs here,\" she said.\nThe Canadian Embassy in "
            "Tegucigalpa struck a different note. In a statement posted on Friday, it warned that irregular migrants "
            "\"will be detained and returned without delay\".")
    assert extract_quotes(text, "en")[-1]["speaker"] == "The Canadian Embassy in Tegucigalpa"


def test_a_colon_after_a_place_opener_and_a_body():
    text = ("Rome kept its distance. Italy's deputy foreign minister, Paolo Greco, said: \"Italy respects Tunisia's "
            "sovereign choices.\" In Algiers, the foreign ministry issued a brief note of support for its eastern "
            "neighbour, Tunisia: \"Algeria is confident in the ability of the Tunisian people to vote in serenity.\"")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "en")] == [
        ("Paolo Greco", "IT"), ("the foreign ministry", "DZ")]


@pytest.mark.parametrize("text, lang", [
    ("Le ton a changé avec l'intervention du ministre hongrois des Affaires étrangères, Gábor Vass. Le chef de la "
     "diplomatie hongroise a accusé Kiev de «jouer avec la sécurité énergétique de toute l'Europe centrale».", "fr"),
    ("The mood shifted when Hungary's foreign minister, Gábor Vass, spoke. \"Kyiv is playing with the energy "
     "security of all of central Europe,\" the Hungarian top diplomat said.", "en"),
])
def test_the_top_diplomat_is_the_foreign_minister(text, lang):
    assert [r["speaker"] for r in extract_quotes(text, lang)] == ["Gábor Vass"]


def test_a_name_in_the_possessive_is_the_name():
    text = "Karim Haddad’s fields near Basra have dried up.\n\n“We have nothing left to plant,” Haddad said.\n"
    assert [r["speaker"] for r in extract_quotes(text, "en")] == ["Karim Haddad"]


def test_a_body_named_before_with_its_capital():
    text = ("“This is the fastest approval we have ever received,” said Col. Jan Nowak, head of the Armament Agency "
            "in Warsaw.\n\nThe United States approved the sale in May, and American firms will build the launchers. "
            "Deliveries are expected “in the first half of 2028”, according to the Armament Agency.")
    assert extract_quotes(text, "en")[-1]["country"] == "PL"


def test_a_ministry_belongs_to_a_state_not_the_un():
    text = ("Khartoum rejected the UN report. The UN Security Council and the UN human rights office had both asked "
            "Sudan for access. The foreign ministry went further, calling the UN findings \"a fabrication from "
            "start to finish\".")
    assert extract_quotes(text, "en")[-1]["country"] == "SD"


@pytest.mark.parametrize("text, country", [
    ("La crise tombe à point nommé pour Moscou. Le groupe public russe Atomstroï construit une centrale près de "
     "Djizak. «Notre centrale offrira à l'Ouzbékistan une électricité stable, quelle que soit la pluie», a fait "
     "valoir à Tachkent son directeur régional, Pavel Orlov.", "RU"),
    ("Outre-Rhin, le ton est autre. Le BDI, la fédération allemande de l'industrie, dont les adhérents vendent "
     "beaucoup en Chine, presse Bruxelles de conclure. "
     "« Un compromis imparfait vaut mieux qu'une escalade dont nos exportateurs paieraient le prix, et avec eux "
     "des centaines de milliers de salariés de nos sous-traitants, de la Bavière à la Saxe », selon sa "
     "présidente, Anke Vogel.", "DE"),
])
def test_a_possessive_after_a_quote_looks_before_the_quote(text, country):
    """«…», a fait valoir à Tachkent son directeur: whose is said before the quote; Tachkent is where he spoke."""
    assert extract_quotes(text, "fr")[-1]["country"] == country


def test_each_turn_of_a_quoted_transcript_has_its_own_speaker():
    text = ("Governor Mara Quill spoke to the host, Tom Brenner, on Sunday.\n\n"
            "\"BRENNER: Will you attend the debate?\n\n"
            "\"QUILL: Of course I will attend it.\n\n"
            "\"That is what voters expect.\n\n"
            "\"BRENNER: Thank you, Governor.\"\n")
    spans = find_quotes(text)
    assert [s.group for s in spans] == [0, 1, 1, 2]
    rows = extract_quotes(text, "en")
    assert [r["speaker"] for r in rows] == ["Tom Brenner", "Mara Quill", "Mara Quill", "Tom Brenner"]


def test_footage_of_a_named_person_saying_a_quote():
    text = ("Victor Hale and Dana Orloff met in a televised debate on Monday.\n\n"
            "The spot ends with footage of Hale saying during the debate, “We will cut the budget.”\n")
    assert [r["speaker"] for r in extract_quotes(text, "en")] == ["Victor Hale"]


def test_a_paper_that_reports_before_a_colon_speaks():
    # (a paper named after a city: the sentence's subject alone would be read as the place)
    text = ("Prices rose again in March.\n\nThe New York Times reports:\n\n"
            "\"In an illustration of the slowdown, three mills closed this week.\"\n")
    assert [r["speaker"] for r in extract_quotes(text, "en")] == ["The New York Times"]


@pytest.mark.parametrize("text, lang, country", [
    ("The OSCE sent observers to the vote in March.\n\nSaara Lindqvist, the Finnish diplomat who headed the "
     "observation mission, was blunt. “The count was clean, the campaign was not,” she said.\n", "en", "OSCE"),
    ("Le médiateur désigné par l'UA, le diplomate béninois Koffi Adjovi, a défendu « un texte imparfait ».\n",
     "fr", "AFU"),
    # the organisation named in the description wins over one named before
    ("The AU called for calm.\n\nLena Hartwig, the German diplomat who heads the EU delegation in Nairobi, "
     "said the talks would go on. “We are ready to help,” she said.\n", "en", "EU"),
])
def test_a_national_who_leads_a_mission_speaks_for_its_organisation(text, lang, country):
    assert {r["country"] for r in extract_quotes(text, lang)} == {country}


def test_a_relative_with_the_same_family_name_is_another_person():
    """"Jaan Ilves" after "Marta Ilves" is not Marta; a bare "Ilves" still is."""
    text = ("Estonia's foreign minister, Marta Ilves, defended the accord. \"It protects our fishermen,\" Ilves said. "
            "Her brother, Jaan Ilves, a Finnish trawler captain, was less sure. \"The quotas are too low,\" "
            "Jaan Ilves said. \"We will hold our partners to it,\" Ilves added.")
    rows = extract_quotes(text, "en")
    assert [(r["speaker"], r["country"]) for r in rows] == [
        ("Marta Ilves", "EE"), ("Jaan Ilves", "FI"), ("Marta Ilves", "EE")]


def test_an_office_title_and_a_family_name_find_the_gazetteer_holder():
    """"President Obama", "le président Macron", never named in full, are the gazetteer's office holders;
    a family name that two countries' holders of the office share decides nothing."""
    assert office_holder_country("President", "Obama") == "US"
    assert office_holder_country("la chancelière", "Merkel") == "DE"
    assert office_holder_country("President", "Xi") == "CN"          # family name first
    assert office_holder_country("Defence Minister", "Obama") is None
    assert office_holder_country("Prime Minister", "Orban") is None   # Romania's and Hungary's
    resolver = SpeakerResolver("The senator called on President Obama to act before the vote in Moscow.")
    assert resolver.people["Obama"].country == "US"
    assert resolver.resolve("le président Macron").country == "FR"


def test_a_bare_family_name_of_a_head_of_state_or_government_finds_the_gazetteer_leader():
    """News names its leaders by family name alone ("Obama said", the article never giving his first name or
    office); a family name that several countries' leaders share, or only a minister's, decides nothing."""
    text = ("Myanmar visit\n\nThe Myanmar leader came to Washington to ask for an end to sanctions on Myanmar.\n\n"
            "\"The sanctions have done their work and can now be lifted,\" Obama said after their talks.")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "en")] == [("Obama", "US")]
    assert leader_country_of_family_name("Merkel") == "DE"
    assert leader_country_of_family_name("Kim") is None           # both Koreas' leaders
    assert leader_country_of_family_name("Wallace") is None       # a defence minister's only


def test_a_us_party_and_state_label_makes_a_member_of_congress_american():
    """"Sen. Claire Hollis (D-Mo.)" in a paragraph about a British journal is American."""
    resolver = SpeakerResolver("Democratic Sen. Claire Hollis (D-Mo.) scolded the authors of the British study "
                               "in London. Rep. Dale Okafor, R-Wis., agreed with Britain's regulator.")
    assert (resolver.people["Hollis"].country, resolver.people["Okafor"].country) == ("US", "US")


@pytest.mark.parametrize("text, lang, country", [
    ("“We will not be intimidated,” said the Australian defence minister, Grant Hollis.", "en", "AU"),
    ("« Nous tiendrons nos engagements », a assuré la ministre australienne, Claire Doyle, à Sydney.", "fr", "AU"),
    ("“The ceasefire must hold,” the AU said in a statement.", "en", "AFU"),
    ("« Le cessez-le-feu doit tenir », a déclaré l'Union africaine.", "fr", "AFU"),
])
def test_australia_is_au_and_the_african_union_afu(text, lang, country):
    assert [r["country"] for r in extract_quotes(text, lang)] == [country]


@pytest.mark.parametrize("text, lang, speaker, country", [
    ("Senator Dana Whitcombe toured Ohio.\n\n“We will win,” said Whitcombe adviser Kellyanne Dorsey.\n",
     "en", "Kellyanne Dorsey", "US"),
    ("Senator Dana Whitcombe toured Ohio.\n\nDana Whitcombe’s campaign manager Robby Marsh said “we will win”.\n",
     "en", "Robby Marsh", "US"),
    ("La présidente française Élise Garnier était à Berlin lundi.\n\n« Nous signerons », a déclaré le "
     "porte-parole de Garnier, Julien Farcot, à Berlin.\n", "fr", "Julien Farcot", "FR"),
    ("La présidente française Élise Garnier était à Berlin lundi.\n\n« Nous signerons », a déclaré à Berlin "
     "Julien Farcot, porte-parole de la présidente Garnier.\n", "fr", "Julien Farcot", "FR"),
    # a name after "of" that is no one's principal stays the speaker's own
    ("Not everyone agrees. According to Rupert Oyelaran of the London consultancy Andes Risk, the measures "
     "are “largely symbolic”.\n", "en", "Rupert Oyelaran", "GB"),
])
def test_someone_in_a_persons_service_is_named_and_shares_their_country(text, lang, speaker, country):
    """"Clinton spokesman Jesse Lehrich" is Lehrich, not Clinton; "le porte-parole de Macron" is French
    wherever the paragraph is."""
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, lang)] == [(speaker, country)]


@pytest.mark.parametrize("text, lang", [
    ("Le Sri Lanka rejette les accusations de ses créanciers.\n\nColombo négocie depuis un an.\n\n"
     "Le vice-ministre des Finances, Nimal Perera, a répondu jeudi. « Aucun paiement n'a été suspendu », "
     "a-t-il assuré à l'AFP.\n", "fr"),
    ("Sri Lanka rejects its creditors' claims.\n\nColombo has been negotiating for a year.\n\n"
     "The deputy finance minister, Nimal Perera, answered on Thursday. “No payment has been suspended,” "
     "he told Reuters.\n", "en"),
])
def test_the_news_agency_a_speaker_talks_to_is_not_their_country(text, lang):
    assert [r["country"] for r in extract_quotes(text, lang)] == ["LK"]


def test_a_body_named_before_takes_the_country_of_its_own_phrase_not_of_the_sentence_object():
    """"Japan's powerful foreign ministry summoned Russia's envoy": the ministry is Japan's, though Russia
    is named nearer; "the ministry" later is that one."""
    text = ("Japan's powerful foreign ministry summoned Russia's envoy on Monday. Later that day the ministry said "
            "it wanted “a full account” of the test.")
    resolver = SpeakerResolver(text)
    resolver._at = text.index("“")
    assert resolver.resolve("the ministry").country == "JP"


@pytest.mark.parametrize("text, lang", [
    ("Mariko Tsuda, who teaches space law in Kyoto, said the case would test the 1972 Liability Convention. "
     "“Proving fault in orbit is extremely hard,” she said.", "en"),
    ("Claire Vidal, juriste à Lyon, estime que l'affaire mettra à l'épreuve la Convention sur la "
     "responsabilité de 1972. « Prouver une faute en orbite est très difficile », dit-elle.", "fr"),
])
def test_a_convention_or_a_protocol_is_no_person(text, lang):
    assert [r["speaker"] for r in extract_quotes(text, lang)] == [text.split(",")[0]]


@pytest.mark.parametrize("text, lang, speaker, country", [
    ("Le Sri Lanka négocie avec ses créanciers.\n\nArrivée lundi à Colombo, la Chilienne Paula Ortúzar, qui dirige "
     "depuis l'an dernier la mission du FMI pour l'île, a rencontré les syndicats. « Le Sri Lanka a tenu ses "
     "engagements », a-t-elle déclaré.\n", "fr", "Paula Ortúzar", "IMF"),
    ("Sudan's army blamed the RSF.\n\nInes Moreau-Diallo has run the Nyala sub-office of the UN Office for the "
     "Coordination of Humanitarian Affairs since 2024.\n“We need the terminals,” she said.\n", "en",
     "Ines Moreau-Diallo", "UN"),
    # an epithet with a nationality refers back to the international official just named
    ("Chypre reste divisée.\n\nÀ Genève, l'émissaire du secrétaire général de l'ONU, Lucía Ferrán, a obtenu un "
     "calendrier. « Personne n'attendait un miracle », a déclaré la diplomate chilienne.\n", "fr",
     "Lucía Ferrán", "UN"),
])
def test_an_international_official_speaks_for_the_organisation_whatever_their_nationality(
        text, lang, speaker, country):
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, lang)] == [(speaker, country)]


@pytest.mark.parametrize("text, lang", [
    ("Cyprus signs a gas deal with Egypt.\n\nNicosia had waited two years.\n\nEleni Marou, the energy minister, "
     "signed the documents in Cairo alongside her Egyptian counterpart. “This is a good day,” she said.\n", "en"),
    ("Chypre signe un accord gazier avec l'Égypte.\n\nNicosie attendait depuis deux ans.\n\nLa ministre de "
     "l'Énergie, Eleni Marou, a signé les documents au Caire aux côtés de son homologue égyptien. « C'est un bon "
     "jour », a-t-elle dit.\n", "fr"),
])
def test_the_country_of_a_speakers_counterpart_is_not_theirs(text, lang):
    assert [r["country"] for r in extract_quotes(text, lang)] == ["CY"]


@pytest.mark.parametrize("text, lang, country", [
    ("Egypt's gas exports are no panacea. “Cairo will burn what it produces,” said Nikos Varvitsis of Kallisto "
     "Energy, an Athens-based consultancy.\n", "en", "GR"),
    ("Washington issued a permit to Deepwell Metals, a contractor headquartered in Vancouver.\n\nJamaica hosts "
     "the talks. Deepwell Metals rejected the study. “Our data are sound,” said Ray Okoro, the company's head "
     "of environment.\n", "en", "CA"),
    ("Washington a délivré un permis à la société canadienne Deepwell Metals.\n\nÀ Kingston, le directeur "
     "juridique de Deepwell Metals, Ray Okoro, a réagi. « Notre permis est valide », a-t-il dit.\n", "fr", "CA"),
    # a country or a nationality in an apposition that says what the body is
    ("Kosovo's grid operator accused its neighbour. Drinska Mreza, Serbia's state-owned grid operator, rejected "
     "the claim. “We always paid,” the company said.\n", "en", "RS"),
    ("Pristina a accusé son voisin. Drinska Mreza, l'opérateur serbe du réseau, a rejeté l'accusation. « Nous "
     "avons toujours payé », a indiqué l'entreprise.\n", "fr", "RS"),
])
def test_a_body_the_article_places_gives_its_country_to_its_staff(text, lang, country):
    """"Kallisto Energy, an Athens-based consultancy", "la société canadienne Deepwell Metals", "Drinska Mreza,
    Serbia's state-owned grid operator": bodies the lexicons do not know, placed by the article."""
    assert [r["country"] for r in extract_quotes(text, lang)] == [country]


@pytest.mark.parametrize("text, country", [
    # the country a speaker rejects is not theirs
    ("Turkish warships shadow a cable survey\n\nATHENS - A Greek survey ship stopped work on Thursday, officials in "
     "Athens said.\nThe government spokesman, Pavlos Antoniou, rejected Turkish claims that the area was "
     "disputed. “We will lay this cable,” he said.\n", "GR"),
    # nor the one a paragraph accuses
    ("Estonia, like Finland, accuses Russia of jamming GPS signals, a charge Moscow denies. According to the "
     "Transport Administration, "
     "“more than 300 flights” were affected.\n", "EE"),
])
def test_the_party_a_paragraph_rejects_or_accuses_is_not_the_speakers(text, country):
    assert [r["country"] for r in extract_quotes(text, "en")] == [country]


@pytest.mark.parametrize("text, lang, speakers", [
    # an atoll is a place, not someone who speaks
    ("Hassan Zareer runs a guesthouse in Baa Atoll, where occupancy topped 80 percent.\n“We earn the dollars,” "
     "he said.\n", "en", ["Hassan Zareer"]),
    # an unnamed document is its own source, not the last speaker
    ("« Nous refusons », a déclaré Andreas Kyprianou.\n\nSelon un rapport interne de la mission, l'opération "
     "a constitué « une violation du statu quo ».\n", "fr", ["Andreas Kyprianou", "un rapport interne de la mission"]),
])
def test_atolls_and_unnamed_documents(text, lang, speakers):
    assert [r["speaker"] for r in extract_quotes(text, lang)] == speakers


@pytest.mark.parametrize("text, epithet", [
    ("Amna Idris came to the camp last spring with her four children.", "the 41-year-old"),
    ("Seo Min-jun spent the earnings call fielding questions.", "the 52-year-old executive"),
    # "quinquagénaire" starts with "qui" but opens no relative clause
    ("Daniel Rotich exploite des parcelles face aux positions de l'armée.", "le quinquagénaire, qui s'attend au pire"),
    ("Panikos Loizou exploite des parcelles face aux positions de l'armée turque.",
     "le sexagénaire, la casquette vissée sur la tête"),
])
def test_an_age_stands_for_the_person_just_named(text, epithet):
    resolver = SpeakerResolver(text + "\n\n« … »")
    resolver._at = len(text) + 2
    assert resolver.resolve(epithet).name == re.split(" came| exploite| spent", text)[0]


def test_a_relative_clause_names_its_speaker_and_il_is_no_capital():
    """"…, que Caracas juge «nulle»": Caracas says it; the next "a-t-il ajouté" is the minister, not Caracas."""
    text = ("Le ministre guyanien Clement Baptiste a parlé.\n\n« Le Venezuela demande encore du temps », a-t-il "
            "lancé, en référence à la sentence arbitrale de 1899, que Caracas juge « nulle et non avenue ».\n"
            "« Toute tentative d'annexion serait une violation », a-t-il ajouté.\n")
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, "fr")] == [
        ("Clement Baptiste", "GY"), ("Caracas", "VE"), ("Clement Baptiste", "GY")]


def test_a_preposition_that_opens_a_sentence_starts_no_name():
    """"Sur la Cuyuni, …" is a place, not a person called "Sur la Cuyuni"."""
    text = ("Sur la Cuyuni, Avril Hendricks connaît chaque méandre du fleuve.\n« Ils montent sur nos bateaux », "
            "raconte la capitaine.\n")
    assert [r["speaker"] for r in extract_quotes(text, "fr")] == ["Avril Hendricks"]


@pytest.mark.parametrize("text, lang, speaker, country", [
    ("Polling was followed by the OSCE Mission in Kosovo. Its head, Ingrid Dahle, a Norwegian diplomat, gave a "
     "first assessment. “Voters were able to cast their ballots freely,” she said.\n", "en", "Ingrid Dahle", "OSCE"),
    ("“Beijing is not turning off the tap,” said Wen Lihua, a senior fellow at the Centre for Industrial Policy, "
     "a think-tank in Brussels.\n", "en", "Wen Lihua", "BE"),
    # "according to" is no "accredited to": the organisation of the role is the named official's
    ("According to the WHO's regional director, Hana Kreft, the outbreak is \"under control for now\".", "en",
     "Hana Kreft", "WHO"),
    # a compound nationality noun ("la Sud-Africaine") is no part of the name
    ("Selon la cheffe de la mission du FMI, la Sud-Africaine Thandi Mokoena, la Zambie a « tenu ses "
     "engagements ».", "fr", "Thandi Mokoena", "IMF"),
    # whoever has led an organisation's mediation speaks for it
    ("Sudan and Ethiopia agree a truce\n\nThe talks resumed in Nairobi. \"Both sides have agreed to stop,\" said Ruth "
     "Mwale-Banda, a former Zambian foreign minister who has led the AU mediation since October.\n", "en",
     "Ruth Mwale-Banda", "AFU"),
    # a two-word nationality before an epithet ("the Sri Lankan specialist") refers back to the official
    ("Gulf recruitment reforms\n\nBangladesh signed the deal with Saudi Arabia. At the International Labour "
     "Organization, Nirmali Perera, the agency's senior migration specialist, has watched earlier reforms stall. "
     "\"Paper rights are not enough,\" the Sri Lankan specialist said.\n", "en", "Nirmali Perera", "UN"),
])
def test_an_organisations_official_and_a_think_tank_placed_in_a_city(text, lang, speaker, country):
    assert [(r["speaker"], r["country"]) for r in extract_quotes(text, lang)] == [(speaker, country)]


@pytest.mark.parametrize("text, speakers, countries", [
    # a quote with no cue after "«…», lâche le sexagénaire." is his, not a place inside his quote
    ("Le Comité civique de Bolivie s'oppose aux contrats. Reynaldo Quispe préside ce comité.\n« On nous a promis "
     "des usines. Dix ans plus tard, Potosí exporte toujours du sel », lâche le sexagénaire. « Ces contrats "
     "doivent être annulés. »\n", ["Reynaldo Quispe", "Reynaldo Quispe"], ["BO", "BO"]),
    # an unnamed official with a long complement, in a sentence opened by "Au Caire"
    ("L'Éthiopie remplit son barrage.\n\nAu Caire, un haut fonctionnaire du ministère des Ressources hydriques "
     "et de l'Irrigation, qui a requis l'anonymat, juge ces assurances « sans valeur ».\n",
     ["un haut fonctionnaire du ministère des Ressources hydriques et de l'Irrigation"], ["EG"]),
])
def test_the_end_of_a_quote_and_an_unnamed_official_in_le_caire(text, speakers, countries):
    rows = extract_quotes(text, "fr")
    assert ([r["speaker"] for r in rows], [r["country"] for r in rows]) == (speakers, countries)


@pytest.mark.parametrize("text, speaker", [
    # a nationality before the name in the apposition of "selon"
    ("Selon la cheffe de mission de l'Organisation internationale pour les migrations en Haïti, la Norvégienne "
     "Ingrid Halvorsen, « moins d'un déplacé sur dix » est revenu.\n", "Ingrid Halvorsen"),
])
def test_selon_with_a_nationality_before_the_name(text, speaker):
    assert [r["speaker"] for r in extract_quotes(text, "fr")] == [speaker]


def test_the_text_continues_the_document_its_issuer_was_named_with():
    """ "Dans un communiqué, le ministère X « salue… » … « … », poursuit le texte": the body named after the
    circumstance that mentions the document, even with no parse and a quote in between."""
    text = ("Le ministre kirghiz de l'Énergie, Almaz Toktor, a défendu le barrage. « Ce barrage ne vise personne », "
            "a-t-il dit.\nDans un communiqué publié lundi, le ministère ouzbek de l'Eau « salue l'esprit de "
            "partenariat » du projet, tout en réclamant des garanties. « Il serait inacceptable que nos agriculteurs "
            "paient le prix », poursuit le texte.\n")
    rows = extract_quotes(text, "fr")
    assert (rows[-1]["speaker"], rows[-1]["country"]) == ("le ministère ouzbek de l'Eau", "UZ")
