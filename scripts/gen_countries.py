#!/usr/bin/env python3
"""Generates rules/actors/countries.tsv from Debian's iso-codes ISO 3166-1 JSON.

usage: scripts/gen_countries.py [/usr/share/iso-codes/json/iso_3166-1.json] > rules/actors/countries.tsv

iso-codes gives every country's code, name and official name; the short names news
uses ("Russia", "Turkey"), extra aliases and demonyms ("Syrian") come from the table
below. Rerun after editing the table.
"""
import json
import sys

# alpha-3: (canonical short name or None to keep iso-codes', [aliases], [demonyms])
EXTRA = {
    "AFG": (None, [], ["Afghan"]), "ALB": (None, [], ["Albanian"]), "DZA": (None, [], ["Algerian"]),
    "AGO": (None, [], ["Angolan"]), "ARG": (None, [], ["Argentine", "Argentinian"]),
    "ARM": (None, [], ["Armenian"]), "AUS": (None, [], ["Australian"]), "AUT": (None, [], ["Austrian"]),
    "AZE": (None, [], ["Azerbaijani", "Azeri"]), "BHR": (None, [], ["Bahraini"]),
    "BGD": (None, [], ["Bangladeshi"]), "BLR": (None, [], ["Belarusian"]), "BEL": (None, [], ["Belgian"]),
    "BOL": ("Bolivia", [], ["Bolivian"]), "BIH": ("Bosnia and Herzegovina", ["Bosnia"], ["Bosnian"]),
    "BRA": (None, [], ["Brazilian"]), "BGR": (None, [], ["Bulgarian"]), "BFA": (None, [], ["Burkinabe"]),
    "BDI": (None, [], ["Burundian"]), "KHM": (None, [], ["Cambodian"]), "CMR": (None, [], ["Cameroonian"]),
    "CAN": (None, [], ["Canadian"]), "CAF": (None, [], ["Central African"]), "TCD": (None, [], ["Chadian"]),
    "CHL": (None, [], ["Chilean"]), "CHN": (None, ["People's Republic of China", "PRC"], ["Chinese"]),
    "COL": (None, [], ["Colombian"]), "COD": ("Democratic Republic of the Congo", ["Democratic Republic of Congo", "DR Congo", "D.R. Congo", "DRC", "Congo-Kinshasa", "Congo"], ["Congolese"]),
    "COG": ("Republic of the Congo", ["Republic of Congo", "Congo Republic", "Congo-Brazzaville"], []), "HRV": (None, [], ["Croatian"]),
    "CUB": (None, [], ["Cuban"]), "CYP": (None, [], ["Cypriot"]), "CZE": (None, ["Czech Republic"], ["Czech"]),
    "DNK": (None, [], ["Danish"]), "EGY": (None, [], ["Egyptian"]), "ERI": (None, [], ["Eritrean"]),
    "EST": (None, [], ["Estonian"]), "ETH": (None, [], ["Ethiopian"]), "FIN": (None, [], ["Finnish"]),
    "FRA": (None, [], ["French"]), "GEO": (None, [], ["Georgian"]), "DEU": (None, [], ["German"]),
    "GHA": (None, [], ["Ghanaian"]), "GRC": (None, [], ["Greek"]), "GTM": (None, [], ["Guatemalan"]),
    "HTI": (None, [], ["Haitian"]), "HND": (None, [], ["Honduran"]), "HUN": (None, [], ["Hungarian"]),
    "IND": (None, [], ["Indian"]), "IDN": (None, [], ["Indonesian"]), "IRN": ("Iran", [], ["Iranian"]),
    "IRQ": (None, [], ["Iraqi"]), "IRL": (None, [], ["Irish"]), "ISR": (None, [], ["Israeli"]),
    "ITA": (None, [], ["Italian"]), "JPN": (None, [], ["Japanese"]), "JOR": (None, [], ["Jordanian"]),
    "KAZ": (None, [], ["Kazakh"]), "KEN": (None, [], ["Kenyan"]), "KWT": (None, [], ["Kuwaiti"]),
    "KGZ": (None, [], ["Kyrgyz"]), "LAO": ("Laos", [], ["Lao", "Laotian"]), "LVA": (None, [], ["Latvian"]),
    "LBN": (None, [], ["Lebanese"]), "LBY": (None, [], ["Libyan"]), "LTU": (None, [], ["Lithuanian"]),
    "MYS": (None, [], ["Malaysian"]), "MLI": (None, [], ["Malian"]), "MEX": (None, [], ["Mexican"]),
    "MDA": ("Moldova", [], ["Moldovan"]), "MNG": (None, [], ["Mongolian"]), "MAR": (None, [], ["Moroccan"]),
    "MOZ": (None, [], ["Mozambican"]), "MMR": (None, ["Burma"], ["Myanmar", "Burmese"]),
    "NPL": (None, [], ["Nepali", "Nepalese"]), "NLD": ("Netherlands", ["Holland"], ["Dutch"]),
    "NZL": (None, [], []), "NIC": (None, [], ["Nicaraguan"]), "NER": (None, [], ["Nigerien"]),
    "NGA": (None, [], ["Nigerian"]), "PRK": ("North Korea", ["DPRK"], ["North Korean"]),
    "NOR": (None, [], ["Norwegian"]), "OMN": (None, [], ["Omani"]), "PAK": (None, [], ["Pakistani"]),
    "PSE": ("Palestine", ["Palestinian territories", "State of Palestine"], ["Palestinian"]),
    "PAN": (None, [], ["Panamanian"]), "PER": (None, [], ["Peruvian"]), "PHL": (None, [], ["Philippine", "Filipino"]),
    "POL": (None, [], ["Polish"]), "PRT": (None, [], ["Portuguese"]), "QAT": (None, [], ["Qatari"]),
    "ROU": (None, [], ["Romanian"]), "RUS": ("Russia", ["Russian Federation"], ["Russian"]),
    "RWA": (None, [], ["Rwandan"]), "SAU": (None, [], ["Saudi"]), "SEN": (None, [], ["Senegalese"]),
    "SRB": (None, [], ["Serbian"]), "SLE": (None, [], ["Sierra Leonean"]), "SGP": (None, [], ["Singaporean"]),
    "SVK": (None, [], ["Slovak"]), "SVN": (None, [], ["Slovenian"]), "SOM": (None, [], ["Somali"]),
    "ZAF": (None, [], ["South African"]), "KOR": ("South Korea", [], ["South Korean"]),
    "SSD": (None, [], ["South Sudanese"]), "ESP": (None, [], ["Spanish"]), "LKA": (None, [], ["Sri Lankan"]),
    "SDN": (None, [], ["Sudanese"]), "SWE": (None, [], ["Swedish"]), "CHE": (None, [], ["Swiss"]),
    "SYR": ("Syria", [], ["Syrian"]), "TWN": ("Taiwan", [], ["Taiwanese"]), "TJK": (None, [], ["Tajik"]),
    "TZA": ("Tanzania", [], ["Tanzanian"]), "THA": (None, [], ["Thai"]), "TUN": (None, [], ["Tunisian"]),
    "TUR": ("Turkey", ["Türkiye", "Turkiye"], ["Turkish"]), "TKM": (None, [], ["Turkmen"]),
    "UGA": (None, [], ["Ugandan"]), "UKR": (None, [], ["Ukrainian"]), "ARE": (None, ["UAE", "Emirates"], ["Emirati"]),
    "GBR": ("United Kingdom", ["Britain", "Great Britain", "UK", "U.K."], ["British"]),
    "USA": ("United States", ["U.S.", "US", "USA", "United States of America", "America"], ["American"]),
    "URY": (None, [], ["Uruguayan"]), "UZB": (None, [], ["Uzbek"]), "VEN": ("Venezuela", [], ["Venezuelan"]),
    "VNM": ("Vietnam", ["Viet Nam"], ["Vietnamese"]), "YEM": (None, [], ["Yemeni"]),
    "ZMB": (None, [], ["Zambian"]), "ZWE": (None, [], ["Zimbabwean"]), "CIV": ("Ivory Coast", ["Côte d'Ivoire", "Cote d'Ivoire"], ["Ivorian"]),
    "VAT": ("Vatican", ["Holy See"], []), "FSM": ("Micronesia", [], []), "BRN": ("Brunei", [], []),
    "CPV": ("Cape Verde", ["Cabo Verde"], []), "SWZ": ("Eswatini", ["Swaziland"], []),
    "MKD": ("North Macedonia", ["Macedonia"], ["Macedonian"]), "LBR": (None, [], ["Liberian"]),
    "NAM": (None, [], ["Namibian"]), "BWA": (None, [], []), "GIN": (None, [], ["Guinean"]),
    "MRT": (None, [], ["Mauritanian"]), "DJI": (None, [], ["Djiboutian"]), "SLV": (None, [], ["Salvadoran"]),
    "ECU": (None, [], ["Ecuadorian"]), "PRY": (None, [], ["Paraguayan"]), "DOM": (None, [], ["Dominican"]),
    "ISL": (None, [], ["Icelandic"]), "LUX": (None, [], []), "MLT": (None, [], ["Maltese"]),
    "MNE": (None, [], ["Montenegrin"]), "BTN": (None, [], ["Bhutanese"]),
}

# Forms iso-codes gives a country that news uses for another: "Congo" alone is the
# Democratic Republic of the Congo in wire style (AP, Reuters), not iso-codes' "Congo".
NOT_FORMS = {"COG": {"Congo"}}

# Countries ISO 3166-1 does not list, with the user-assigned code the EU and IMF use:
# alpha-3, name, [aliases], [demonyms].
UNLISTED = [
    ("XKX", "Kosovo", ["Republic of Kosovo"], ["Kosovar", "Kosovan"]),
]


def main(argv):
    path = argv[1] if len(argv) > 1 else "/usr/share/iso-codes/json/iso_3166-1.json"
    countries = json.load(open(path, encoding="utf-8"))["3166-1"]
    print("# Generated by scripts/gen_countries.py from iso-codes' ISO 3166-1 list; do not edit by hand.")
    print("name\ttype\tcode\tsector\taliases\tadjectives")
    for c in sorted(countries, key=lambda c: c["alpha_3"]):
        short, aliases, adjectives = EXTRA.get(c["alpha_3"], (None, [], []))
        name = short or c.get("common_name") or c["name"]
        forms = [c["name"], c.get("official_name", ""), c.get("common_name", "")] + aliases
        # iso-codes writes some names inverted ("Korea, Republic of"): not a form news uses.
        forms = [f for f in dict.fromkeys(forms) if f and f != name and "," not in f]
        forms = [f for f in forms if f not in NOT_FORMS.get(c["alpha_3"], ())]
        print("\t".join([name, "Country", c["alpha_3"], "", "|".join(forms), "|".join(adjectives)]))
    for code, name, aliases, adjectives in UNLISTED:
        print("\t".join([name, "Country", code, "", "|".join(aliases), "|".join(adjectives)]))


if __name__ == "__main__":
    main(sys.argv)
