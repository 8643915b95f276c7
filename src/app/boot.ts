/**
 * The page's first script: a small entry of its own, loaded `async` from the <head>, that starts
 * the engine worker (and with it the download of wink-nlp and its model) while the browser is
 * still fetching and compiling the app's main chunk. main.tsx imports the same module, so both
 * share one analyzer.
 */
import './engine-start';
