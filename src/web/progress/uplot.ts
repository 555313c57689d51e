// Loaded only by the Progress screen's charts (a dynamic import), with its stylesheet: the rest of the app never pays for it.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export default uPlot;
