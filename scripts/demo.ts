/**
 * `npm run demo`: plays the demo scenario (harness/demo.ts) on the local emulator and
 * prints what happened; the workbook, invoices and client logs are saved under out/.
 */
import { runDemo } from '../harness/demo';

runDemo().catch((error) => {
  console.error(error);
  process.exit(1);
});
