package lang

import (
	"strings"
	"testing"
)

// TestLanguage_LongTexts holds Language to paragraphs long enough that
// only a sample of them reaches the trigram model.
func TestLanguage_LongTexts(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"german", "Die Stadtverwaltung hat am Montagabend einen neuen Plan für den Umbau des alten Hafens vorgestellt. Nach Angaben der Bürgermeisterin sollen in den kommenden drei Jahren mehr als zweihundert Wohnungen entstehen, dazu ein Park am Wasser und eine neue Fährverbindung über den Fluss. Die Opposition im Stadtrat kritisierte die Kosten und forderte eine unabhängige Prüfung, bevor die ersten Aufträge vergeben werden. Anwohner äußerten sich bei einer Versammlung überwiegend zustimmend, sorgten sich aber um den Verkehr während der Bauzeit.", "de"},
		{"french", "La municipalité a présenté lundi soir un nouveau projet de réaménagement de l'ancien port. Selon la maire, plus de deux cents logements doivent être construits au cours des trois prochaines années, ainsi qu'un parc au bord de l'eau et une nouvelle liaison par bac sur le fleuve. L'opposition au conseil municipal a critiqué le coût du projet et réclamé un audit indépendant avant l'attribution des premiers marchés. Lors d'une réunion publique, les riverains se sont montrés plutôt favorables, tout en s'inquiétant de la circulation pendant les travaux.", "fr"},
		{"spanish", "El ayuntamiento presentó el lunes por la noche un nuevo plan para la reforma del antiguo puerto. Según la alcaldesa, en los próximos tres años se construirán más de doscientas viviendas, además de un parque junto al agua y una nueva conexión en transbordador sobre el río. La oposición en el pleno municipal criticó los costes y pidió una auditoría independiente antes de adjudicar los primeros contratos. Los vecinos se mostraron en general a favor durante una asamblea, aunque les preocupa el tráfico durante las obras.", "es"},
		{"italian", "Il comune ha presentato lunedì sera un nuovo piano per la ristrutturazione del vecchio porto. Secondo la sindaca, nei prossimi tre anni saranno costruiti più di duecento appartamenti, oltre a un parco sul lungofiume e a un nuovo collegamento con il traghetto. L'opposizione in consiglio comunale ha criticato i costi e chiesto una verifica indipendente prima dell'assegnazione dei primi appalti. Durante un'assemblea pubblica i residenti si sono detti in gran parte favorevoli, ma preoccupati per il traffico durante i lavori.", "it"},
		{"dutch", "De gemeente heeft maandagavond een nieuw plan gepresenteerd voor de verbouwing van de oude haven. Volgens de burgemeester worden er de komende drie jaar meer dan tweehonderd woningen gebouwd, met daarbij een park aan het water en een nieuwe veerverbinding over de rivier. De oppositie in de gemeenteraad had kritiek op de kosten en vroeg om een onafhankelijk onderzoek voordat de eerste opdrachten worden gegund. Omwonenden waren tijdens een bijeenkomst overwegend positief, maar maken zich zorgen over het verkeer tijdens de bouw.", "nl"},
		{"polish", "Władze miasta przedstawiły w poniedziałek wieczorem nowy plan przebudowy starego portu. Według burmistrz w ciągu najbliższych trzech lat powstanie ponad dwieście mieszkań, a także park nad wodą i nowe połączenie promowe przez rzekę. Opozycja w radzie miasta skrytykowała koszty i zażądała niezależnej kontroli przed udzieleniem pierwszych zamówień. Mieszkańcy na zebraniu wypowiadali się w większości przychylnie, ale obawiają się korków w czasie budowy.", "pl"},
		{"russian", "Городские власти в понедельник вечером представили новый план перестройки старого порта. По словам мэра, в ближайшие три года будет построено более двухсот квартир, а также парк у воды и новая паромная переправа через реку. Оппозиция в городском совете раскритиковала расходы и потребовала независимой проверки до заключения первых контрактов. Жители на собрании в основном поддержали проект, но опасаются пробок во время строительства.", "ru"},
		{"english with names", "Prime Minister Ana Kovač met President Tomas Lindqvist in Oslo on Friday, weeks after Kovač's coalition partner Nordic Union quit, leaving the Social Alliance short of a majority. The talks covered the North Sea pipeline, the Baltic fisheries dispute and the stalled trade pact. Lindqvist said the two leaders agreed on a timetable; Kovač's office said nothing was signed. Opposition leader Mirela Horvat called the visit a distraction from the budget crisis at home, where unions threatened strikes over public sector pay.", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Language(tt.text); got != tt.want {
				t.Errorf("Language = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestIsClearlyEnglish_Rules(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"the twice, many function words", "Police said on Friday that a man was arrested after a fire at a warehouse near the port. He was held overnight and is expected in court on Monday, a spokesman said, adding that nobody was hurt and that the cause is being investigated by fire officers.", true},
		{"the three times, a seventh function words", "Voters in the northern provinces went to the polls on Sunday in a runoff between two former ministers, Ana Kovač and Tomas Lindqvist, after a first round marred by delays, recounts and complaints about missing ballot papers in rural districts. Turnout was high across the region.", true},
		{"german quoting an english title", "Der Film „The Lord of the Rings“ kehrt im Herbst in die Kinos zurück. Was die Fans erwartet, verriet der Verleih am Montag in Berlin: eine neu restaurierte Fassung, längere Szenen und eine Premiere mit Orchester im Konzerthaus am Gendarmenmarkt.", false},
		{"curly quotes and dashes are not foreign", strings.Repeat("“The plan”, the mayor said — “is on track”… and the council agreed. ", 6), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := isClearlyEnglish(tt.text); got != tt.want {
				t.Errorf("isClearlyEnglish = %v, want %v", got, tt.want)
			}
		})
	}
}
