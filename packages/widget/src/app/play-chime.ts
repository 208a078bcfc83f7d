/**
 * A short two-note chime through Web Audio (no audio file to download). Browsers refuse sound before the
 * visitor has interacted with the page; that refusal is expected and ignored.
 */
export function playChime(): void {
  try {
    const AudioContextClass = window.AudioContext;
    if (!AudioContextClass) return;
    const context = new AudioContextClass();
    const gain = context.createGain();
    gain.connect(context.destination);
    gain.gain.setValueAtTime(0.08, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.001, context.currentTime + 0.4);
    [880, 1320].forEach((frequency, index) => {
      const oscillator = context.createOscillator();
      oscillator.frequency.value = frequency;
      oscillator.connect(gain);
      oscillator.start(context.currentTime + index * 0.12);
      oscillator.stop(context.currentTime + 0.4);
    });
    setTimeout(() => void context.close(), 600);
  } catch {
    // No audio here (or not allowed yet): the unread badge still tells the visitor.
  }
}
