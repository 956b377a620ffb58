/**
 * Priming the analysis for a batch of articles. V8 optimises a function with the types it has seen
 * so far; when a path it has never run turns up later (a transcript label, a sign-off line, `per X`,
 * a stray mark), it throws that optimised code away and compiles the function again, and the largest
 * functions here take the longest to compile. Every thread of the command line pays that anew, over
 * its first few thousand articles. Analysing an invented article that takes those paths, a few times
 * before the batch, gives V8 their types before it optimises: on a thread's 5,000 allsides-scale
 * articles, deoptimisations fall from 17 to 3 and compilations from 153 to 134.
 */
import type { AnalysisOptions } from '../types';
import { analyze } from './article';

/** Invented: the names, places and words are this project's own. Each paragraph takes a path a news article rarely does. */
export const PRIMER_ARTICLE = `Mayor Brook: 'We Will Not Back Down' on Harbor Plan

Council Calls Harbor Plan A ‘Costly Mistake’

EASTGATE — Mayor Ada Brook of the Eastgate Harbor Board said on Tuesday that the plan was "a costly mistake."

"We will not back down," Brook said. "Not now, not ever."

On July 6, 2015, Brook told reporters the vote was "a disgrace," saying the count was "rushed."

Per Brook, the deal "cannot stand." In her view, it was "reckless." In the board’s words, it is "unworkable." In Tomas Vance’s eyes, it is "fair." In the words of Helen Okafor, it is "late."

Those surveyed said the plan was "too costly." Some 49% say it is "a waste." Just shy of half, 49%, say it is "fine."

A local man, who in the past described himself as "a skeptic," said: "I am not convinced." A dockworker who over the years has called the port "home" said little.

Vance has railed against what he calls "a shell game," but also what she calls "a maze."

Okafor's remark that "the port is open" drew cheers. The remark was written by Vance, "Open for now," and was seen by critics as "spin."

"The budget is a fiction."

- Ana Ruiz

"BROOK: We have the votes," the transcript read.

BROOK: "We have the votes."

VANCE: "We do not." (CROSSTALK)

<a href="https://example.com/x">"Linked words," she wrote.</a>

The director" said a stray mark. She added, "Every crane must move," and the official said "soon."

Another said "never," the two wrote "maybe," and critics said "no." A staffer in the room said "wait."

"We are not walking away from this table," said Brook, according to the Courier. Brook typed "done" at 9 p.m.

From the report: "Costs rose." Brook and Vance: "Agreed."

"It is over," Okafor said. "Truly
over."

"This continues the thought
"and this reopens it," Vance added.

"It is over." Says Okafor.

Speaking in Eastgate, 2015, Okafor said it was "a start."

"OKAFOR: We are ready."

In Reeves’ words, it was "late."

The "director said “we are ready” today.

Of the voters, those surveyed said it was "too costly."

A Vance statement called it "dead."

After Brook arrived, saying "we are done," the hall went quiet.

Okafor spoke to the board, saying Vance called the plan "a maze."

The board heard of Vance claims that it was "a maze."

The hall cheered when a janitor walked in, saying "we are done."

Okafor said, adding Vance called it "a maze."

Speaking in Eastgate, 2015, Okafor called the plan "a start." Writing in March, 2016, Vance described the deal as "thin."

Still, several others said it was "unfair." The many others said "no."`;

/** Analyses often enough for V8 to keep the types it meets (it records none over a function's first few calls). */
const PRIMING_RUNS = 3;

/** Analyses `PRIMER_ARTICLE` a few times, with the options the batch will use; results are not kept. */
export function primeAnalysis(options?: AnalysisOptions): void {
  for (let run = 0; run < PRIMING_RUNS; run++) analyze(PRIMER_ARTICLE, options);
}
